import { Money } from '@bazaar/shared-kernel';

/** Finance now expects this revenue for the order, but has not earned it yet. */
export interface RevenueDeferred {
  readonly type: 'RevenueDeferred';
  readonly revenueEventId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly occurredAt: Date;
}

/** The revenue deferred for the order is no longer expected: the order was cancelled. */
export interface RevenueReversed {
  readonly type: 'RevenueReversed';
  readonly revenueEventId: string;
  /** The deferred entry this one undoes. */
  readonly reversedRevenueEventId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly occurredAt: Date;
}

/** Every fact the revenue ledger records; Finance's private language (see acl/ for the published one). */
export type LedgerEvent = RevenueDeferred | RevenueReversed;
