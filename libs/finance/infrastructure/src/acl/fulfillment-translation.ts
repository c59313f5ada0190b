import { RecognizeRevenue } from '@bazaar/finance-application';
import { ShipmentDispatchedV1 } from '@bazaar/published-language';

/*
 * Fulfillment's news in Finance's words. The carrier and tracking number are not accounting facts
 * and stop here.
 */

/** A dispatched shipment: the goods of its order have left, its revenue is earned. */
export function revenueRecognitionFor(event: ShipmentDispatchedV1): RecognizeRevenue {
  return { orderId: event.orderId, shipmentId: event.shipmentId, dispatchedAt: new Date(event.dispatchedAt) };
}
