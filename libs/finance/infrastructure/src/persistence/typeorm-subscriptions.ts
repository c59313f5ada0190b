import { Subscription, SubscriptionNotFound, Subscriptions, SubscriptionSnapshot } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict, money } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { toPublishedSubscriptionEvents } from '../acl/published-events';
import { LegacyBillingQueue } from '../acl/legacy-billing/legacy-billing-queue';

interface SubscriptionRow {
  readonly id: string;
  readonly seller_id: string;
  readonly plan: string;
  readonly price: string;
  readonly currency: string;
  readonly period_length_ms: string;
  readonly period_start: Date;
  readonly period_end: Date;
  readonly status: 'active' | 'cancelled';
  readonly started_at: Date;
  readonly cancelled_at: Date | null;
  readonly version: number;
}

const columns = 'id, seller_id, plan, price, currency, period_length_ms, period_start, period_end, status, started_at, cancelled_at, version';

/**
 * Subscriptions in PostgreSQL: the row (INSERT when new, version-checked UPDATE otherwise), its
 * events to the outbox and what the books of record must hear to the legacy billing queue, in one
 * transaction.
 */
export class TypeOrmSubscriptions extends Subscriptions {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly legacyBilling: LegacyBillingQueue,
  ) {
    super();
  }

  async get(id: string): Promise<Subscription> {
    const [row] = (await this.transactions.manager.query(`SELECT ${columns} FROM subscriptions WHERE id = $1`, [id])) as SubscriptionRow[];
    if (!row) throw new SubscriptionNotFound(id);
    return restore(row);
  }

  /** The oldest due period first; a row another replica holds is skipped, and stays held by this transaction until it commits. */
  async nextDue(now: Date): Promise<Subscription | undefined> {
    const [row] = (await this.transactions.manager.query(
      `SELECT ${columns} FROM subscriptions WHERE status = 'active' AND period_end <= $1 ORDER BY period_end LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    )) as SubscriptionRow[];
    return row && restore(row);
  }

  async save(subscription: Subscription): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (subscription.version === 0) await this.insert(manager, subscription.snapshot());
      else await this.update(manager, subscription);
      await this.outbox.append(manager, toPublishedSubscriptionEvents(subscription.pendingEvents));
      await this.legacyBilling.enqueue(manager, subscription.pendingEvents);
    });
  }

  private async insert(manager: EntityManager, s: SubscriptionSnapshot): Promise<void> {
    try {
      await manager.query(`INSERT INTO subscriptions (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)`, [
        s.id,
        s.sellerId,
        s.plan,
        s.price.amount,
        s.price.currency,
        s.periodLength,
        s.currentPeriod.start,
        s.currentPeriod.end,
        s.status,
        s.startedAt,
        s.cancelledAt,
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'subscriptions_pkey')) throw new ConcurrencyConflict('Subscription', s.id);
      throw error;
    }
  }

  private async update(manager: EntityManager, subscription: Subscription): Promise<void> {
    const s = subscription.snapshot();
    const [, changed] = (await manager.query(
      `UPDATE subscriptions SET period_start = $3, period_end = $4, status = $5, cancelled_at = $6, version = version + 1 WHERE id = $1 AND version = $2`,
      [s.id, subscription.version, s.currentPeriod.start, s.currentPeriod.end, s.status, s.cancelledAt],
    )) as [unknown, number];
    if (changed === 0) throw new ConcurrencyConflict('Subscription', s.id);
  }
}

function restore(row: SubscriptionRow): Subscription {
  return Subscription.restore(
    {
      id: row.id,
      sellerId: row.seller_id,
      plan: row.plan,
      price: money(Number(row.price), row.currency),
      periodLength: Number(row.period_length_ms),
      currentPeriod: { start: row.period_start, end: row.period_end },
      status: row.status,
      startedAt: row.started_at,
      cancelledAt: row.cancelled_at,
    },
    row.version,
  );
}
