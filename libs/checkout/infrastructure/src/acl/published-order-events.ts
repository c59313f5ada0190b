import { OrderEvent, OrderPlaced } from '@bazaar/checkout-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import { CartCheckedOutV1 } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';

/**
 * Which published events each of the order's private events becomes. Every domain event must be
 * decided here explicitly (an internal-only event maps to `[]`), so adding one fails to compile
 * until someone chooses.
 */
export function publishedEventsOf(event: OrderEvent): OutgoingEvent[] {
  switch (event.type) {
    case 'OrderPlaced':
      return [{ contract: CartCheckedOutV1, aggregateId: event.orderId, occurredAt: event.placedAt, data: cartCheckedOut(event) }];
    // Not published yet: their v1 contracts come with issue 3, part 2. Until then nothing produces them.
    case 'FraudReviewRequested':
    case 'FraudReviewApproved':
    case 'FraudReviewRejected':
    case 'PaymentAuthorized':
    case 'PaymentFailed':
    case 'OrderConfirmed':
    case 'OrderCompleted':
    case 'OrderCancelled':
      return [];
    default:
      return assertNever(event);
  }
}

/** Field by field, so nothing private (the payment token above all) can ride along by accident. */
function cartCheckedOut(event: OrderPlaced): CartCheckedOutV1 {
  const { name, line1, line2, city, postalCode, country } = event.shippingAddress;
  return {
    orderId: event.orderId,
    buyerId: event.buyerId,
    lines: event.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({
      sku,
      quantity,
      unitPrice: { amount: unitPrice.amount, currency: unitPrice.currency },
      lineTotal: { amount: lineTotal.amount, currency: lineTotal.currency },
    })),
    total: { amount: event.total.amount, currency: event.total.currency },
    shippingAddress: { name, line1, ...(line2 === undefined ? {} : { line2 }), city, postalCode, country },
    placedAt: event.placedAt.toISOString(),
  };
}
