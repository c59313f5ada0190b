import { CancelShipment, CreateShipment } from '@bazaar/fulfillment-application';
import { OrderCancelledV1, PaymentAuthorizedV1 } from '@bazaar/published-language';

/*
 * Checkout's news in Fulfillment's words. Prices, buyer, totals, the authorization and the
 * cancellation reason are Checkout's business and stop here.
 */

/**
 * An authorized payment: what to pick for which order. Checkout lines are priced lines, a warehouse
 * counts units per SKU, so lines of one SKU are merged.
 */
export function createShipmentFor(event: PaymentAuthorizedV1): CreateShipment {
  const units = new Map<string, number>();
  for (const line of event.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  return {
    orderId: event.orderId,
    lines: [...units].map(([sku, quantity]) => ({ sku, quantity })),
  };
}

/** A cancelled order, whatever the reason: its shipment, if it has one, will not ship. */
export function cancelShipmentFor(event: OrderCancelledV1): CancelShipment {
  return { orderId: event.orderId };
}
