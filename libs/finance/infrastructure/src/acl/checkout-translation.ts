import { RecordDeferredRevenue } from '@bazaar/finance-application';
import { CartCheckedOutV1 } from '@bazaar/published-language';

/**
 * Checkout's checked-out cart in Finance's words: revenue expected for the order, its total.
 * Lines, buyer and address are not accounting facts and stop here.
 */
export function deferredRevenueFromCheckout(event: CartCheckedOutV1): RecordDeferredRevenue {
  return {
    orderId: event.orderId,
    amount: { amount: event.total.amount, currency: event.total.currency },
  };
}
