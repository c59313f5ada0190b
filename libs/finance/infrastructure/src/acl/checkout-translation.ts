import { RecordDeferredRevenue, ReverseRevenue } from '@bazaar/finance-application';
import { OrderCancelledV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';

/*
 * Checkout's news in Finance's words. The address and the authorization reference are not
 * accounting facts and stop here; the buyer, the lines and the total are what will be invoiced.
 */

/**
 * An authorized payment: revenue expected for what was sold. The authorized `amount` is the order's
 * `total` (the contract says so); the deferral is of the total the lines add up to.
 */
export function deferredRevenueFor(event: PaymentAuthorizedV1 | PaymentAuthorizedV2): RecordDeferredRevenue {
  return {
    orderId: event.orderId,
    terms: {
      buyerId: event.buyerId,
      lines: event.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({
        sku,
        quantity,
        unitPrice: { amount: unitPrice.amount, currency: unitPrice.currency },
        lineTotal: { amount: lineTotal.amount, currency: lineTotal.currency },
      })),
      total: { amount: event.total.amount, currency: event.total.currency },
    },
  };
}

/**
 * A cancelled order: its revenue is reversed when Finance deferred it. Every cancellation is a
 * command, also one before authorization (`paymentWasAuthorized: false`, nothing in the ledger):
 * Finance remembers it, so that an authorization heard after it (replayed from the dead letters)
 * defers nothing.
 */
export function revenueReversalFor(event: OrderCancelledV1): ReverseRevenue {
  return { orderId: event.orderId };
}
