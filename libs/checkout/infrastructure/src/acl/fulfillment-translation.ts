import { FulfillmentAnswer } from '@bazaar/checkout-application';
import { InventoryReservationFailedV1, InventoryReservedV1, ShipmentDispatchedV1 } from '@bazaar/published-language';

/*
 * Fulfillment's news in Checkout's words. Checkout acts on the fact and the order it concerns;
 * which lines were reserved, which were missing, the carrier and tracking number are Fulfillment's
 * (and Support's) business.
 */

export function inventoryReserved(event: InventoryReservedV1): FulfillmentAnswer {
  return { orderId: event.orderId, answer: 'InventoryReserved' };
}

export function inventoryReservationFailed(event: InventoryReservationFailedV1): FulfillmentAnswer {
  return { orderId: event.orderId, answer: 'InventoryReservationFailed' };
}

export function shipmentDispatched(event: ShipmentDispatchedV1): FulfillmentAnswer {
  return { orderId: event.orderId, answer: 'ShipmentDispatched' };
}
