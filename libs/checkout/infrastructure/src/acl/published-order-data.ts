import { OrderCancelled, OrderLine, OrderPlaced, PaymentAuthorized, ShippingAddress } from '@bazaar/checkout-domain';
import { CartCheckedOutV1, OrderCancelledV1, PaymentAuthorizedV1 } from '@bazaar/published-language';
import { Money } from '@bazaar/shared-kernel';

/*
 * Field by field, so nothing private (the payment token above all) can ride along by accident.
 */

export function cartCheckedOut(event: OrderPlaced): CartCheckedOutV1 {
  return {
    orderId: event.orderId,
    buyerId: event.buyerId,
    lines: event.lines.map(publishedLine),
    total: publishedMoney(event.total),
    shippingAddress: publishedAddress(event.shippingAddress),
    placedAt: event.placedAt.toISOString(),
  };
}

export function paymentAuthorized(event: PaymentAuthorized): PaymentAuthorizedV1 {
  return {
    orderId: event.orderId,
    buyerId: event.buyerId,
    amount: publishedMoney(event.amount),
    authorizationReference: event.authorizationId,
    lines: event.lines.map(publishedLine),
    total: publishedMoney(event.amount),
    shippingAddress: publishedAddress(event.shippingAddress),
    authorizedAt: event.authorizedAt.toISOString(),
  };
}

/** An order that held an authorization has it voided on cancellation; one that held none had no payment to reverse. */
export function orderCancelled(event: OrderCancelled): OrderCancelledV1 {
  const held = event.authorizationToVoid !== undefined;
  return {
    orderId: event.orderId,
    reason: event.reason,
    paymentWasAuthorized: held,
    authorizationVoided: held,
    cancelledAt: event.cancelledAt.toISOString(),
  };
}

function publishedLine({ sku, quantity, unitPrice, lineTotal }: OrderLine): CartCheckedOutV1['lines'][number] {
  return { sku, quantity, unitPrice: publishedMoney(unitPrice), lineTotal: publishedMoney(lineTotal) };
}

function publishedMoney({ amount, currency }: Money): Money {
  return { amount, currency };
}

function publishedAddress({ name, line1, line2, city, postalCode, country }: ShippingAddress): CartCheckedOutV1['shippingAddress'] {
  return { name, line1, ...(line2 === undefined ? {} : { line2 }), city, postalCode, country };
}
