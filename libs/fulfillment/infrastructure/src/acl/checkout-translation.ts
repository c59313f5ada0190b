import { CancelFulfillment, ReleaseShipment, ReserveInventory } from '@bazaar/fulfillment-application';
import { OrderCancelledV1, OrderConfirmedV1, PaymentAuthorizedV1, PaymentAuthorizedV2 } from '@bazaar/published-language';

/*
 * Checkout's news in Fulfillment's words. Prices, buyer, totals, the address, the authorization and
 * the cancellation reason are Checkout's business and stop here.
 */

/**
 * Order ids are UUIDs, which the store compares whatever their case and returns in lower case: the
 * commands carry that form, so that a batch's news about an order meets the order's stored rows.
 */
function orderIdOf(event: { readonly orderId: string }): string {
  return event.orderId.toLowerCase();
}

/**
 * An authorized payment: the units to reserve for which order. Checkout lines are priced lines, a
 * warehouse counts units per SKU, so lines of one SKU are merged.
 */
export function reserveInventoryFor(event: PaymentAuthorizedV1 | PaymentAuthorizedV2): ReserveInventory {
  const units = new Map<string, number>();
  for (const line of event.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  return {
    orderId: orderIdOf(event),
    lines: [...units].map(([sku, quantity]) => ({ sku, quantity })),
  };
}

/** A confirmed order: paid and reserved, Checkout will not time it out any more; its shipment may be worked on. */
export function releaseShipmentFor(event: OrderConfirmedV1): ReleaseShipment {
  return { orderId: orderIdOf(event) };
}

/** A cancelled order, whatever the reason: nothing of it will ship. */
export function cancelFulfillmentFor(event: OrderCancelledV1): CancelFulfillment {
  return { orderId: orderIdOf(event) };
}
