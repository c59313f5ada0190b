import { Money } from '@bazaar/shared-kernel';
import { SubscriptionPeriod } from './subscription-period';

/** A seller subscribed to a plan; the first period starts now. */
export interface SubscriptionStarted {
  readonly type: 'SubscriptionStarted';
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly plan: string;
  readonly price: Money;
  readonly period: SubscriptionPeriod;
  readonly occurredAt: Date;
}

/** The subscription entered its next period, which follows the last without a gap. */
export interface SubscriptionRenewed {
  readonly type: 'SubscriptionRenewed';
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly plan: string;
  readonly price: Money;
  readonly period: SubscriptionPeriod;
  readonly occurredAt: Date;
}

/** The seller cancelled: the period paid for runs out, no other follows. */
export interface SubscriptionCancelled {
  readonly type: 'SubscriptionCancelled';
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly plan: string;
  readonly occurredAt: Date;
}

/** Every fact about subscriptions; Finance's private language (see acl/ for the published one). */
export type SubscriptionEvent = SubscriptionStarted | SubscriptionRenewed | SubscriptionCancelled;
