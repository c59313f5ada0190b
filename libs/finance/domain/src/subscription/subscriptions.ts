import { Subscription } from './subscription';

/** The repository port: sellers' subscriptions, saved version-checked with their events (outbox). */
export abstract class Subscriptions {
  /** The subscription, or SubscriptionNotFound. */
  abstract get(id: string): Promise<Subscription>;

  /**
   * The next subscription whose period has ended, held for the caller's unit of work so that no
   * other replica renews it meanwhile (it skips what is held); none when nothing is due.
   */
  abstract nextDue(now: Date): Promise<Subscription | undefined>;

  /** Inserts a new subscription or updates one (ConcurrencyConflict when its version moved), with its events. */
  abstract save(subscription: Subscription): Promise<void>;
}
