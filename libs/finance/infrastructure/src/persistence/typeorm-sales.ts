import { EventCauses, RevenueEvent, Sale, Sales } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { toPublishedLedgerEvents } from '../acl/published-events';
import { appendCaused } from './caused-events';
import { conflictingKey } from './conflicting-key';
import { SaleRow, selectSales, storedLines, toSaleSnapshot } from './sale.rows';

/**
 * Sales in PostgreSQL, many at a time, in a fixed number of statements however many there are:
 * one read answers every order's row and entries; a save inserts the new sales rows in one
 * statement and updates the others in one (each version-checked), appends all the new ledger
 * entries in one and their lines in one, and the events to the outbox in one, in one transaction.
 * Entries are only ever inserted: the ledger is append-only (triggers). The events carry the
 * message context their causes were handled in (the consumers give it as the cause).
 */
export class TypeOrmSales extends Sales {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async byOrders(orderIds: readonly string[]): Promise<ReadonlyMap<string, Sale>> {
    const found = new Map<string, Sale>();
    if (orderIds.length === 0) return found;
    const rows = (await this.transactions.manager.query(selectSales, [orderIds])) as SaleRow[];
    const byId = new Map(rows.map((row) => [row.order_id, row]));
    for (const orderId of orderIds) {
      const row = byId.get(orderId.toLowerCase());
      if (!row || (row.version === null && row.entries.length === 0)) continue;
      found.set(orderId, Sale.restore(toSaleSnapshot(row), row.version ?? 0));
    }
    return found;
  }

  async saveAll(sales: readonly Sale[], causes: EventCauses = new Map()): Promise<void> {
    if (sales.length === 0) return;
    await this.transactions.run(async (manager) => {
      await this.insert(
        manager,
        sales.filter((sale) => sale.version === 0),
      );
      await this.update(
        manager,
        sales.filter((sale) => sale.version > 0),
      );
      await this.append(
        manager,
        sales.flatMap((sale) => sale.newEntries),
      );
      const events = sales.flatMap((sale) => sale.pendingEvents);
      await appendCaused(this.outbox, manager, events, toPublishedLedgerEvents, causes);
    });
  }

  private async insert(manager: EntityManager, sales: readonly Sale[]): Promise<void> {
    if (sales.length === 0) return;
    const columns = this.columns(sales);
    try {
      await manager.query(
        `INSERT INTO sales (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at, version)
         SELECT s.order_id, s.buyer_id, s.lines::jsonb, s.total, s.currency, s.shipment_id, s.dispatched_at, s.cancelled_at, 1
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[])
                AS s (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at)`,
        columns,
      );
    } catch (error) {
      // Someone recorded one of these orders' sales since we looked: retrying loads it.
      if (isUniqueViolation(error, 'sales_pkey')) throw new ConcurrencyConflict('Sale', conflictingKey(error) ?? sales.map((sale) => sale.orderId).join(', '));
      throw error;
    }
  }

  private async update(manager: EntityManager, sales: readonly Sale[]): Promise<void> {
    if (sales.length === 0) return;
    const updated = (await manager.query(
      `UPDATE sales SET buyer_id = s.buyer_id, lines = s.lines::jsonb, total = s.total, currency = s.currency, shipment_id = s.shipment_id,
              dispatched_at = s.dispatched_at, cancelled_at = s.cancelled_at, version = sales.version + 1
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::int[])
              AS s (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at, version)
        WHERE sales.order_id = s.order_id AND sales.version = s.version
        RETURNING sales.order_id`,
      [...this.columns(sales), sales.map((sale) => sale.version)],
    )) as [{ order_id: string }[], number];
    if (updated[1] === sales.length) return;
    const done = new Set(updated[0].map((row) => row.order_id));
    const stale = sales.find((sale) => !done.has(sale.orderId.toLowerCase()));
    throw new ConcurrencyConflict('Sale', stale?.orderId ?? '?');
  }

  /** The sales' columns as arrays, one element per sale, for `unnest`. */
  private columns(sales: readonly Sale[]): unknown[][] {
    return [
      sales.map((sale) => sale.orderId),
      sales.map((sale) => sale.terms?.buyerId ?? null),
      sales.map((sale) => (sale.terms ? JSON.stringify(storedLines(sale.terms.lines)) : null)),
      sales.map((sale) => sale.terms?.total.amount ?? null),
      sales.map((sale) => sale.terms?.total.currency ?? null),
      sales.map((sale) => sale.dispatch?.shipmentId ?? null),
      sales.map((sale) => sale.dispatch?.dispatchedAt ?? null),
      sales.map((sale) => sale.cancelledAt),
    ];
  }

  private async append(manager: EntityManager, entries: readonly RevenueEvent[]): Promise<void> {
    if (entries.length === 0) return;
    const snapshots = entries.map((entry) => entry.snapshot());
    try {
      await manager.query(
        `INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at, reverses, recognizes, shipment_id)
         SELECT e.id, e.order_id, e.kind, e.amount, e.currency, e.recorded_at, e.reverses, e.recognizes, e.shipment_id
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::uuid[])
                AS e (id, order_id, kind, amount, currency, recorded_at, reverses, recognizes, shipment_id)`,
        [
          snapshots.map((entry) => entry.id),
          snapshots.map((entry) => entry.orderId),
          snapshots.map((entry) => entry.kind),
          snapshots.map((entry) => entry.amount.amount),
          snapshots.map((entry) => entry.amount.currency),
          snapshots.map((entry) => entry.recordedAt),
          snapshots.map((entry) => entry.reverses ?? null),
          snapshots.map((entry) => entry.recognizes ?? null),
          snapshots.map((entry) => entry.shipmentId ?? null),
        ],
      );
    } catch (error) {
      // An earlier release, still running during a rollout, wrote one of these orders' entries since we looked.
      if (isUniqueViolation(error, 'revenue_events_order_kind_key')) throw new ConcurrencyConflict('Revenue for order', conflictingKey(error) ?? '?');
      throw error;
    }
    const lines = snapshots.flatMap((entry) => entry.lines.map((line, i) => ({ entryId: entry.id, lineNo: i + 1, ...line })));
    await manager.query(
      `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
       SELECT l.revenue_event_id, l.line_no, l.account, l.side, l.amount, l.currency
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS l (revenue_event_id, line_no, account, side, amount, currency)`,
      [
        lines.map((line) => line.entryId),
        lines.map((line) => line.lineNo),
        lines.map((line) => line.account),
        lines.map((line) => line.side),
        lines.map((line) => line.amount.amount),
        lines.map((line) => line.amount.currency),
      ],
    );
  }
}
