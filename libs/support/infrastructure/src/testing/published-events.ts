import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage } from '@bazaar/platform-testing';
import { CartCheckedOutV1, EventEnvelope, RevenueDeferredV1, ShipmentCreatedV1, Topics } from '@bazaar/published-language';

/** The three events published about one order (the recorded examples, fresh ids), each with the topic it travels on. */
export function eventsAbout(orderId: string) {
  return {
    checkout: { topic: Topics.checkoutOrders, envelope: anEvent(CartCheckedOutV1, { data: { orderId } }) },
    shipment: { topic: Topics.fulfillmentShipments, envelope: anEvent(ShipmentCreatedV1, { data: { orderId } }) },
    revenue: { topic: Topics.financeLedgers, envelope: anEvent(RevenueDeferredV1, { data: { orderId } }) },
  };
}

/** Publishes an event to Support as its producer's outbox relay would, to a chosen partition when told. */
export function publish(support: ServiceUnderTest, event: { topic: string; envelope: EventEnvelope }, partition?: number) {
  return support.send(event.topic, { ...kafkaMessage(event.envelope), ...(partition === undefined ? {} : { partition }) });
}
