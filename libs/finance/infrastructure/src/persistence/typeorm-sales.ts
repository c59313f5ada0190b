import { EventCauses, RevenueEvent, Sale, Sales } from '@bazaar/finance-domain';
import { aggregateBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { toPublishedLedgerEvents } from '../acl/published-events';
import { gatherWithCausedEvents } from './caused-events';
import { SaleRow, selectSales, storedLines, toSaleSnapshot } from './sale.rows';

/**
 * Sales in PostgreSQL, many at a time, in a fixed number of statements however many there are:
 * one read answers every order's row and entries; a save inserts the new sales rows and updates
 * the others (each version-checked), appends all the new ledger entries and their lines, and the
 * events to the outbox — one INSERT or UPDATE each, all in the unit of work's closing statement.
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
    const rows = (await this.transactions.reader.query(selectSales, [orderIds])) as SaleRow[];
    const byId = new Map(rows.map((row) => [row.order_id, row]));
    for (const orderId of orderIds) {
      const row = byId.get(orderId.toLowerCase());
      if (!row || (row.version === null && row.entries.length === 0)) continue;
      found.set(orderId, Sale.restore(toSaleSnapshot(row), row.version ?? 0));
    }
    return found;
  }

  /**
   * With the unit of work's closing statement: the new sales rows, the changed ones (each
   * version-checked), the new ledger entries and their lines, and the events. A sale or an entry
   * someone else recorded since we looked, or a version that moved, is a ConcurrencyConflict, and
   * nothing of the unit is written (retrying loads it).
   */
  saveAll(sales: readonly Sale[], causes: EventCauses = new Map()): Promise<void> {
    return gatherWithCausedEvents(this.outbox, this.transactions, this.#saved, sales, toPublishedLedgerEvents, causes);
  }

  readonly #saved = aggregateBatch<Sale>({
    insert: (fresh) => [this.insertStatement(fresh)],
    update: (changed) => [this.updateStatement(changed)],
    alongside: (sales) => {
      const entries = sales.flatMap((sale) => sale.newEntries);
      return entries.length > 0 ? entriesStatements(entries) : [];
    },
  });

  private insertStatement(sales: readonly Sale[]): WriteStatement {
    return {
      text: `INSERT INTO sales (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at, version)
             SELECT s.order_id, s.buyer_id, s.lines::jsonb, s.total, s.currency, s.shipment_id, s.dispatched_at, s.cancelled_at, 1
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[])
                    AS s (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at)
             ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
      values: this.columns(sales),
      expect: { rows: sales.length, otherwise: () => new ConcurrencyConflict('Sale', sales.map((sale) => sale.orderId).join(', ')) },
    };
  }

  private updateStatement(sales: readonly Sale[]): WriteStatement {
    return {
      text: `UPDATE sales SET buyer_id = s.buyer_id, lines = s.lines::jsonb, total = s.total, currency = s.currency, shipment_id = s.shipment_id,
                  dispatched_at = s.dispatched_at, cancelled_at = s.cancelled_at, version = sales.version + 1
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::int[])
                  AS s (order_id, buyer_id, lines, total, currency, shipment_id, dispatched_at, cancelled_at, version)
            WHERE sales.order_id = s.order_id AND sales.version = s.version
            RETURNING sales.order_id`,
      values: [...this.columns(sales), sales.map((sale) => sale.version)],
      expect: { rows: sales.length, otherwise: () => new ConcurrencyConflict('Sale', sales.map((sale) => sale.orderId).join(', ')) },
    };
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
}

/**
 * The entries and their lines. An entry of the same order and kind already there (an earlier
 * release, still running during a rollout, wrote it since we looked) is a ConcurrencyConflict. The
 * lines reference the entries written beside them: foreign keys are checked at the end of the statement.
 */
function entriesStatements(entries: readonly RevenueEvent[]): WriteStatement[] {
  const snapshots = entries.map((entry) => entry.snapshot());
  const lines = snapshots.flatMap((entry) => entry.lines.map((line, i) => ({ entryId: entry.id, lineNo: i + 1, ...line })));
  return [
    {
      text: `INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at, reverses, recognizes, shipment_id)
             SELECT e.id, e.order_id, e.kind, e.amount, e.currency, e.recorded_at, e.reverses, e.recognizes, e.shipment_id
               FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::uuid[])
                    AS e (id, order_id, kind, amount, currency, recorded_at, reverses, recognizes, shipment_id)
             ON CONFLICT DO NOTHING RETURNING id`,
      values: [
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
      expect: { rows: snapshots.length, otherwise: () => new ConcurrencyConflict('Revenue for order', snapshots.map((entry) => entry.orderId).join(', ')) },
    },
    {
      text: `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
             SELECT l.revenue_event_id, l.line_no, l.account, l.side, l.amount, l.currency
               FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[]) AS l (revenue_event_id, line_no, account, side, amount, currency)`,
      values: [
        lines.map((line) => line.entryId),
        lines.map((line) => line.lineNo),
        lines.map((line) => line.account),
        lines.map((line) => line.side),
        lines.map((line) => line.amount.amount),
        lines.map((line) => line.amount.currency),
      ],
    },
  ];
}
