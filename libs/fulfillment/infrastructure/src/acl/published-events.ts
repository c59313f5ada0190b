import { ShipmentEvent } from '@bazaar/fulfillment-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import { ShipmentCancelledV1, ShipmentCreatedV1 } from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';

/**
 * Fulfillment's private events as the published language: every domain event is decided here.
 * The key is the shipment id, so one shipment's events stay in order on `fulfillment.shipments`.
 */
export function toPublishedEvents(events: readonly ShipmentEvent[]): OutgoingEvent[] {
  return events.map((event) => {
    switch (event.type) {
      case 'ShipmentCreated': {
        const data: ShipmentCreatedV1 = {
          shipmentId: event.shipmentId,
          orderId: event.orderId,
          lines: event.lines.map(({ sku, quantity }) => ({ sku, quantity })),
          status: 'created',
          createdAt: event.occurredAt.toISOString(),
        };
        return { contract: ShipmentCreatedV1, data, aggregateId: event.shipmentId, occurredAt: event.occurredAt };
      }
      case 'ShipmentCancelled': {
        const data: ShipmentCancelledV1 = {
          shipmentId: event.shipmentId,
          orderId: event.orderId,
          status: 'cancelled',
          cancelledAt: event.occurredAt.toISOString(),
        };
        return { contract: ShipmentCancelledV1, data, aggregateId: event.shipmentId, occurredAt: event.occurredAt };
      }
      default:
        return assertNever(event);
    }
  });
}
