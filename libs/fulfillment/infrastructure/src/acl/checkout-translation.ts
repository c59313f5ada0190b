import { CreateShipment } from '@bazaar/fulfillment-application';
import { CartCheckedOutV1 } from '@bazaar/published-language';

/**
 * Checkout's checked-out cart in Fulfillment's words: what to pick for which order. Prices, buyer
 * and totals are Checkout's business and stop here. Checkout lines are priced lines, a warehouse
 * counts units per SKU, so lines of one SKU are merged.
 */
export function createShipmentFromCheckout(event: CartCheckedOutV1): CreateShipment {
  const units = new Map<string, number>();
  for (const line of event.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
  return {
    orderId: event.orderId,
    lines: [...units].map(([sku, quantity]) => ({ sku, quantity })),
  };
}
