import { RevenueEvent, RevenueEvents } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { toPublishedEvents } from '../acl/published-events';
import { RevenueEventRow, selectRevenueEvents, toRevenueEvent } from './revenue-event-rows';

/**
 * The revenue ledger in PostgreSQL, append-only: recording an entry INSERTs it, its lines and its
 * published events (outbox) in one transaction. There is no UPDATE path by design.
 */
export class TypeOrmRevenueEvents extends RevenueEvents {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async record(entry: RevenueEvent): Promise<void> {
    const { id, orderId, kind, amount, recordedAt, lines, reverses } = entry.snapshot();
    await this.transactions.run(async (manager) => {
      try {
        await manager.query(
          `INSERT INTO revenue_events (id, order_id, kind, amount, currency, recorded_at, reverses) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, orderId, kind, amount.amount, amount.currency, recordedAt, reverses ?? null],
        );
      } catch (error) {
        // Someone recorded this order's entry since we looked: retrying finds it and does nothing.
        if (isUniqueViolation(error, 'revenue_events_order_kind_key')) throw new ConcurrencyConflict(`${kind} revenue for order`, orderId);
        throw error;
      }
      await manager.query(
        `INSERT INTO ledger_lines (revenue_event_id, line_no, account, side, amount, currency)
         SELECT $1, line.ordinality, line.account, line.side, line.amount, line.currency
           FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS line (account, side, amount, currency, ordinality)`,
        [id, lines.map((l) => l.account), lines.map((l) => l.side), lines.map((l) => l.amount.amount), lines.map((l) => l.amount.currency)],
      );
      await this.outbox.append(manager, toPublishedEvents(entry.pendingEvents));
    });
  }

  async ofOrder(orderId: string): Promise<readonly RevenueEvent[]> {
    const rows: RevenueEventRow[] = await this.transactions.manager.query(
      `${selectRevenueEvents} WHERE e.order_id = $1 ORDER BY e.recorded_at, e.id`,
      [orderId],
    );
    return rows.map(toRevenueEvent);
  }
}
