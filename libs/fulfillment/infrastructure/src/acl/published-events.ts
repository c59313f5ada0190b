import { ReservationEvent, ShipmentEvent } from '@bazaar/fulfillment-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import {
  InventoryReservationFailedV1,
  InventoryReservedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';

/*
 * Fulfillment's private events as the published language: every domain event is decided here.
 * A step's author is published when known and left out otherwise (the contracts' `…By` are optional).
 */

/**
 * A shipment's events, keyed by the shipment id, so one shipment's events stay in order on
 * `fulfillment.shipments`. Its release to the warehouse stays private: it follows Checkout's
 * `order-confirmed`, which every other context reads already.
 */
export function publishedShipmentEvents(events: readonly ShipmentEvent[]): OutgoingEvent[] {
  return events.flatMap((event): OutgoingEvent[] => {
    const about = { shipmentId: event.shipmentId, orderId: event.orderId };
    const at = event.occurredAt.toISOString();
    const key = { aggregateId: event.shipmentId, occurredAt: event.occurredAt };
    switch (event.type) {
      case 'ShipmentCreated': {
        const data: ShipmentCreatedV1 = { ...about, lines: event.lines.map(({ sku, quantity }) => ({ sku, quantity })), status: 'created', createdAt: at };
        return [{ contract: ShipmentCreatedV1, data, ...key }];
      }
      case 'ShipmentPicked': {
        const data: ShipmentPickedV1 = { ...about, pickedAt: at, ...(event.by ? { pickedBy: event.by } : {}) };
        return [{ contract: ShipmentPickedV1, data, ...key }];
      }
      case 'ShipmentPacked': {
        const data: ShipmentPackedV1 = { ...about, packedAt: at, ...(event.by ? { packedBy: event.by } : {}) };
        return [{ contract: ShipmentPackedV1, data, ...key }];
      }
      case 'ShipmentDispatched': {
        const { carrier, trackingNumber } = event;
        const data: ShipmentDispatchedV1 = { ...about, carrier, trackingNumber, dispatchedAt: at, ...(event.by ? { dispatchedBy: event.by } : {}) };
        return [{ contract: ShipmentDispatchedV1, data, ...key }];
      }
      case 'ShipmentDelivered': {
        const data: ShipmentDeliveredV1 = { ...about, deliveredAt: at, ...(event.by ? { deliveredBy: event.by } : {}) };
        return [{ contract: ShipmentDeliveredV1, data, ...key }];
      }
      case 'ShipmentReleased':
        return [];
      case 'ShipmentCancelled': {
        const data: ShipmentCancelledV1 = { ...about, status: 'cancelled', cancelledAt: at };
        return [{ contract: ShipmentCancelledV1, data, ...key }];
      }
      default:
        return assertNever(event);
    }
  });
}

/** A reservation's answers, keyed by the Checkout order id on `fulfillment.reservations`: what Checkout's order process waits for. */
export function publishedReservationEvents(events: readonly ReservationEvent[]): OutgoingEvent[] {
  return events.map((event): OutgoingEvent => {
    const key = { aggregateId: event.orderId, occurredAt: event.occurredAt };
    switch (event.type) {
      case 'InventoryReserved': {
        const data: InventoryReservedV1 = {
          orderId: event.orderId,
          lines: event.lines.map(({ sku, quantity }) => ({ sku, quantity })),
          reservedAt: event.occurredAt.toISOString(),
        };
        return { contract: InventoryReservedV1, data, ...key };
      }
      case 'InventoryReservationFailed': {
        const data: InventoryReservationFailedV1 = {
          orderId: event.orderId,
          unavailable: event.unavailable.map(({ sku, requested, available, reason }) => ({ sku, requested, available, reason })),
          failedAt: event.occurredAt.toISOString(),
        };
        return { contract: InventoryReservationFailedV1, data, ...key };
      }
      default:
        return assertNever(event);
    }
  });
}
