import { OrderCancelled, OrderLine, OrderPlaced, PaymentAuthorized, ShippingAddress } from '@bazaar/checkout-domain';
import { CartCheckedOutV2, OrderCancelledV1, PaymentAuthorizedV2 } from '@bazaar/published-language';
import { Money } from '@bazaar/shared-kernel';
import { PublishedPersonalData } from './sealed-address';

/*
 * Field by field, so nothing private (the payment token above all) can ride along by accident. The
 * address only ever leaves sealed with the buyer's data key (`personalData`).
 */

export function cartCheckedOut(event: OrderPlaced, personalData: PublishedPersonalData): CartCheckedOutV2 {
  return {
    orderId: event.orderId,
    buyerId: event.buyerId,
    lines: event.lines.map(publishedLine),
    total: publishedMoney(event.total),
    sealedShippingAddress: sealedFor(personalData, event.buyerId, event.orderId, event.shippingAddress),
    placedAt: event.placedAt.toISOString(),
  };
}

export function paymentAuthorized(event: PaymentAuthorized, personalData: PublishedPersonalData): PaymentAuthorizedV2 {
  return {
    orderId: event.orderId,
    buyerId: event.buyerId,
    amount: publishedMoney(event.amount),
    authorizationReference: event.authorizationId,
    lines: event.lines.map(publishedLine),
    total: publishedMoney(event.amount),
    sealedShippingAddress: sealedFor(personalData, event.buyerId, event.orderId, event.shippingAddress),
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

function sealedFor(personalData: PublishedPersonalData, buyerId: string, orderId: string, address: ShippingAddress): CartCheckedOutV2['sealedShippingAddress'] {
  if (personalData.buyerId !== buyerId) throw new Error(`order ${orderId} of buyer ${buyerId} sealed with the key of ${personalData.buyerId}`);
  return personalData.sealedAddress(orderId, address);
}

function publishedLine({ sku, quantity, unitPrice, lineTotal }: OrderLine): CartCheckedOutV2['lines'][number] {
  return { sku, quantity, unitPrice: publishedMoney(unitPrice), lineTotal: publishedMoney(lineTotal) };
}

function publishedMoney({ amount, currency }: Money): Money {
  return { amount, currency };
}
