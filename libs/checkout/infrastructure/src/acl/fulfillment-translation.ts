import { HandleInventoryReservationFailed, HandleInventoryReserved, HandleShipmentDispatched } from '@bazaar/checkout-application';
import { InventoryReservationFailedV1, InventoryReservedV1, ShipmentDispatchedV1 } from '@bazaar/published-language';

/*
 * Fulfillment's news in Checkout's words. Checkout acts on the fact and the order it concerns;
 * which lines were reserved, which were missing, the carrier and tracking number are Fulfillment's
 * (and Support's) business.
 */

export function inventoryReserved(event: InventoryReservedV1): HandleInventoryReserved {
  return { orderId: event.orderId };
}

export function inventoryReservationFailed(event: InventoryReservationFailedV1): HandleInventoryReservationFailed {
  return { orderId: event.orderId };
}

export function shipmentDispatched(event: ShipmentDispatchedV1): HandleShipmentDispatched {
  return { orderId: event.orderId };
}
