import { Money } from '@bazaar/shared-kernel';

/** Finance now expects this revenue for the order, but has not earned it yet. */
export interface RevenueDeferred {
  readonly type: 'RevenueDeferred';
  readonly revenueEventId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly occurredAt: Date;
}

/** Every fact the revenue ledger records; Finance's private language (see acl/ for the published one). */
export type LedgerEvent = RevenueDeferred;
