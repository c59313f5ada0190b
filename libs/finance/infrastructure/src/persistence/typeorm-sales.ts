import { RevenueEvent, Sale, Sales } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { toPublishedLedgerEvents } from '../acl/published-events';
import { SaleRow, selectSale, storedLines, toSaleSnapshot } from './sale.rows';

/**
 * Sales in PostgreSQL. A save writes the sales row (INSERT when new, version-checked UPDATE
 * otherwise), appends the new ledger entries with their lines, and the events to the outbox, in one
 * transaction. Entries are only ever inserted: the ledger is append-only (triggers).
 */
export class TypeOrmSales extends Sales {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async byOrder(orderId: string): Promise<Sale | undefined> {
    const [row] = (await this.transactions.manager.query(selectSale, [orderId])) as SaleRow[];
    if (!row || (row.version === null && row.entries.length === 0)) return undefined;
    return Sale.restore(toSaleSnapshot(row), row.version ?? 0);
  }

  async save(sale: Sale): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (sale.version === 0) await this.insert(manager, sale);
      else await this.update(manager, sale);
      for (const entry of sale.newEntries) await this.append(manager, entry);
      await this.outbox.append(manager, toPublishedLedgerEvents(sale.pendingEvents));
    });
  }

  private async insert(manager: EntityManager, sale: Sale): Promise<void> {
    try {
      await manager.query(
        `INSERT INTO sales (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at, version)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, 1)`,
        [sale.orderId, ...this.values(sale)],
      );
    } catch (error) {
      // Someone recorded this order's sale since we looked: retrying loads it.
      if (isUniqueViolation(error, 'sales_pkey')) throw new ConcurrencyConflict('Sale', sale.orderId);
      throw error;
    }
  }

  private async update(manager: EntityManager, sale: Sale): Promise<void> {
    const [, changed] = (await manager.query(
      `UPDATE sales SET buyer_id = $3, lines = $4::jsonb, total = $5, currency = $6, shipment_id = $7, dispatched_at = $8, cancelled_at = $9,
              version = version + 1
        WHERE order_id = $1 AND version = $2`,
      [sale.orderId, sale.version, ...this.values(sale)],
    )) as [unknown, number];
    if (changed === 0) throw new ConcurrencyConflict('Sale', sale.orderId);
  }

  private values(sale: Sale): unknown[] {
    const { terms, dispatch, cancelledAt } = sale;
    return [
      terms?.buyerId ?? null,
      terms ? JSON.stringify(storedLines(terms.lines)) : null,
      terms?.total.amount ?? null,
      terms?.total.currency ?? null,
      dispatch?.shipmentId ?? null,
      dispatch?.dispatchedAt ?? null,
      cancelledAt,
    ];
  }

  private async append(manager: EntityManager, entry: RevenueEvent): Promise<void> {
    const { id, orderId, kind, amount, recordedAt, lines, reverses, recognizes, shipmentId } = entry.snapshot();
    try {
      await manager.query(
        `INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at, reverses, recognizes, shipment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, orderId, kind, amount.amount, amount.currency, recordedAt, reverses ?? null, recognizes ?? null, shipmentId ?? null],
      );
    } catch (error) {
      // An earlier release, still running during a rollout, wrote this order's entry since we looked.
      if (isUniqueViolation(error, 'revenue_events_order_kind_key')) throw new ConcurrencyConflict(`${kind} revenue for order`, orderId);
      throw error;
    }
    await manager.query(
      `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
       SELECT $1, line.ordinality, line.account, line.side, line.amount, line.currency
         FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS line (account, side, amount, currency, ordinality)`,
      [id, lines.map((l) => l.account), lines.map((l) => l.side), lines.map((l) => l.amount.amount), lines.map((l) => l.amount.currency)],
    );
  }
}
