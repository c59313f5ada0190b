import { SaleTerms } from '@bazaar/finance-domain';

/** Money is expected for an order but not earned yet: what was sold, to whom, for how much. Finance's own words, whatever triggered it. */
export interface RecordDeferredRevenue {
  readonly orderId: string;
  readonly terms: SaleTerms;
}
