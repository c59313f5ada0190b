import { Money } from '@bazaar/shared-kernel';

/** Money is expected for an order but not earned yet. Finance's own words, whatever triggered it. */
export interface RecordDeferredRevenue {
  readonly orderId: string;
  readonly amount: Money;
}
