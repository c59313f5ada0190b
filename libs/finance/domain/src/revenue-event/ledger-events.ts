import { Money } from '@bazaar/shared-kernel';

/** Finance now expects this revenue for the order, but has not earned it yet. */
export interface RevenueDeferred {
  readonly type: 'RevenueDeferred';
  readonly revenueEventId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly occurredAt: Date;
}

/** The revenue deferred for the order is earned: its shipment was dispatched. */
export interface RevenueRecognized {
  readonly type: 'RevenueRecognized';
  readonly revenueEventId: string;
  /** The deferred entry whose amount this one recognizes. */
  readonly deferredRevenueEventId: string;
  readonly orderId: string;
  /** The dispatched shipment that earned it. */
  readonly shipmentId: string;
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
export type LedgerEvent = RevenueDeferred | RevenueRecognized | RevenueReversed;
