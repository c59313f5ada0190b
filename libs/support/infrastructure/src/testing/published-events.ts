import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, EventOverrides, kafkaMessage } from '@bazaar/platform-testing';
import {
  CartCheckedOutV1,
  EventContract,
  EventEnvelope,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  InventoryReservationFailedV1,
  InventoryReservedV1,
  InvoiceIssuedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  RevenueDeferredV1,
  RevenueRecognizedV1,
  RevenueReversedV1,
  ShipmentCancelledV1,
  ShipmentCreatedV1,
  ShipmentDeliveredV1,
  ShipmentDispatchedV1,
  ShipmentPackedV1,
  ShipmentPickedV1,
} from '@bazaar/published-language';

export interface TopicEvent<T = unknown> {
  readonly topic: string;
  readonly envelope: EventEnvelope<T>;
}

/**
 * Every event that may be published about one order (the recorded examples, fresh ids), each with
 * the topic it travels on. Its shipment events share one shipment, its recognition names that
 * shipment, and its reversal and recognition point at its deferred revenue entry.
 */
export function eventsAbout(orderId: string) {
  const shipmentId = randomUUID();
  const deferredEntryId = randomUUID();
  const event = <T>(contract: EventContract<T>, data: EventOverrides<T>['data'] = {}): TopicEvent<T> => ({
    topic: contract.topic,
    envelope: anEvent(contract, { data: { orderId, ...data } as Partial<T> }),
  });
  return {
    cartCheckedOut: event(CartCheckedOutV1),
    fraudReviewRequested: event(FraudReviewRequestedV1),
    fraudReviewDecided: event(FraudReviewDecidedV1),
    paymentAuthorized: event(PaymentAuthorizedV1),
    paymentFailed: event(PaymentFailedV1),
    orderConfirmed: event(OrderConfirmedV1),
    orderCancelled: event(OrderCancelledV1, { reason: 'buyer_cancelled', paymentWasAuthorized: true, authorizationVoided: true }),
    orderCompleted: event(OrderCompletedV1),
    inventoryReserved: event(InventoryReservedV1),
    inventoryReservationFailed: event(InventoryReservationFailedV1),
    shipmentCreated: event(ShipmentCreatedV1, { shipmentId }),
    shipmentPicked: event(ShipmentPickedV1, { shipmentId }),
    shipmentPacked: event(ShipmentPackedV1, { shipmentId }),
    shipmentDispatched: event(ShipmentDispatchedV1, { shipmentId }),
    shipmentDelivered: event(ShipmentDeliveredV1, { shipmentId }),
    shipmentCancelled: event(ShipmentCancelledV1, { shipmentId }),
    revenueDeferred: event(RevenueDeferredV1, { revenueEventId: deferredEntryId }),
    revenueRecognized: event(RevenueRecognizedV1, { deferredRevenueEventId: deferredEntryId, shipmentId }),
    revenueReversed: event(RevenueReversedV1, { reversedRevenueEventId: deferredEntryId }),
    invoiceIssued: event(InvoiceIssuedV1),
  };
}

export type OrderEvents = ReturnType<typeof eventsAbout>;

/** An order's whole life: reviewed and approved, paid, reserved, confirmed, shipped, deferred, picked, packed, dispatched, recognized and invoiced, completed, delivered. */
export function lifecycleOf(events: OrderEvents): TopicEvent[] {
  return [
    events.cartCheckedOut,
    events.fraudReviewRequested,
    events.fraudReviewDecided,
    events.paymentAuthorized,
    events.inventoryReserved,
    events.orderConfirmed,
    events.shipmentCreated,
    events.revenueDeferred,
    events.shipmentPicked,
    events.shipmentPacked,
    events.shipmentDispatched,
    events.revenueRecognized,
    events.invoiceIssued,
    events.orderCompleted,
    events.shipmentDelivered,
  ];
}

/** A paid order the buyer cancelled: its shipment cancelled and its deferred revenue reversed. */
export function cancellationOf(events: OrderEvents): TopicEvent[] {
  return [events.cartCheckedOut, events.paymentAuthorized, events.shipmentCreated, events.revenueDeferred, events.orderCancelled, events.shipmentCancelled, events.revenueReversed];
}

/** Publishes an event to Support as its producer's outbox relay would, to a chosen partition when told. */
export function publish(support: ServiceUnderTest, event: TopicEvent, partition?: number) {
  return support.send(event.topic, { ...kafkaMessage(event.envelope), ...(partition === undefined ? {} : { partition }) });
}
