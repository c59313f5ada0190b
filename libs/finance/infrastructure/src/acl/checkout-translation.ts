import { RecordDeferredRevenue, ReverseRevenue } from '@bazaar/finance-application';
import { OrderCancelledV1, PaymentAuthorizedV1 } from '@bazaar/published-language';

/*
 * Checkout's news in Finance's words. Lines, buyer, address and the authorization reference are
 * not accounting facts and stop here.
 */

/** An authorized payment: revenue expected for the order, the amount held on the buyer's payment method. */
export function deferredRevenueFor(event: PaymentAuthorizedV1): RecordDeferredRevenue {
  return {
    orderId: event.orderId,
    amount: { amount: event.amount.amount, currency: event.amount.currency },
  };
}

/**
 * A cancelled order: its revenue is reversed when its payment had been authorized (that is when
 * Finance deferred it). A cancellation before authorization left nothing in the ledger: no command.
 */
export function revenueReversalFor(event: OrderCancelledV1): ReverseRevenue | undefined {
  return event.paymentWasAuthorized ? { orderId: event.orderId } : undefined;
}
