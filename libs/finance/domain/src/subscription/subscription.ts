import { AggregateRoot, Money } from '@bazaar/shared-kernel';
import { Plan } from './plan';
import { SubscriptionAlreadyCancelled as Cancelled, SubscriptionNotDue, SubscriptionSellerMissing } from './subscription-errors';
import { SubscriptionEvent } from './subscription-events';
import { PeriodLength, periodFrom, SubscriptionPeriod } from './subscription-period';

export type SubscriptionStatus = 'active' | 'cancelled';

export interface SubscriptionSnapshot {
  readonly id: string;
  readonly sellerId: string;
  readonly plan: string;
  readonly price: Money;
  readonly periodLength: PeriodLength;
  readonly currentPeriod: SubscriptionPeriod;
  readonly status: SubscriptionStatus;
  readonly startedAt: Date;
  readonly cancelledAt: Date | null;
}

export interface StartSubscriptionTerms {
  readonly id: string;
  readonly sellerId: string;
  readonly plan: Plan;
  readonly periodLength: PeriodLength;
  readonly now: Date;
}

/**
 * A seller's subscription to a plan: its status, its current period and the rule that renews it.
 * An active subscription renews when its period ends, into the period that follows without a gap
 * (one at a time: a subscription three periods behind renews three times); a cancelled one never
 * renews. Its invoices and the seller's billing account are aggregates of their own.
 */
export class Subscription extends AggregateRoot<SubscriptionEvent> {
  private constructor(
    private state: SubscriptionSnapshot,
    version: number,
  ) {
    super(version);
  }

  static start({ id, sellerId, plan, periodLength, now }: StartSubscriptionTerms): Subscription {
    if (sellerId.trim() === '') throw new SubscriptionSellerMissing();
    const period = periodFrom(now, periodLength);
    const subscription = new Subscription(
      { id, sellerId, plan: plan.code, price: plan.price, periodLength, currentPeriod: period, status: 'active', startedAt: now, cancelledAt: null },
      0,
    );
    subscription.record({ type: 'SubscriptionStarted', subscriptionId: id, sellerId, plan: plan.code, price: plan.price, period, occurredAt: now });
    return subscription;
  }

  static restore(snapshot: SubscriptionSnapshot, version: number): Subscription {
    return new Subscription(snapshot, version);
  }

  get id(): string {
    return this.state.id;
  }

  get sellerId(): string {
    return this.state.sellerId;
  }

  get currentPeriod(): SubscriptionPeriod {
    return this.state.currentPeriod;
  }

  /** Whether the renewal rule applies now: active, and its current period has ended. */
  isDue(now: Date): boolean {
    return this.state.status === 'active' && now.getTime() >= this.state.currentPeriod.end.getTime();
  }

  /** Moves into the next period, at the plan's price as it was subscribed. */
  renew(now: Date): SubscriptionPeriod {
    if (this.state.status === 'cancelled') throw new Cancelled(this.id);
    if (!this.isDue(now)) throw new SubscriptionNotDue(this.id, this.state.currentPeriod.end);
    const period = periodFrom(this.state.currentPeriod.end, this.state.periodLength);
    this.state = { ...this.state, currentPeriod: period };
    const { id, sellerId, plan, price } = this.state;
    this.record({ type: 'SubscriptionRenewed', subscriptionId: id, sellerId, plan, price, period, occurredAt: now });
    return period;
  }

  /** Stops renewals; the current period, already invoiced, runs out. Cancelling twice is refused. */
  cancel(now: Date): void {
    if (this.state.status === 'cancelled') throw new Cancelled(this.id);
    this.state = { ...this.state, status: 'cancelled', cancelledAt: now };
    const { id, sellerId, plan } = this.state;
    this.record({ type: 'SubscriptionCancelled', subscriptionId: id, sellerId, plan, occurredAt: now });
  }

  snapshot(): SubscriptionSnapshot {
    return this.state;
  }
}
