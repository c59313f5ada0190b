import { anEvent, kafkaMessage, TopicNamespace } from '@bazaar/platform-testing';
import { CartCheckedOutV1, EventEnvelope, RevenueDeferredV1, ShipmentCreatedV1, Topics } from '@bazaar/published-language';

/** The three events published about one order (the recorded examples, fresh ids), each with the topic it travels on. */
export function eventsAbout(orderId: string) {
  return {
    checkout: { topic: Topics.checkoutOrders, envelope: anEvent(CartCheckedOutV1, { data: { orderId } }) },
    shipment: { topic: Topics.fulfillmentShipments, envelope: anEvent(ShipmentCreatedV1, { data: { orderId } }) },
    revenue: { topic: Topics.financeLedgers, envelope: anEvent(RevenueDeferredV1, { data: { orderId } }) },
  };
}

/** Publishes an event as its producer's outbox relay would, to a chosen partition when told. */
export function publish(namespace: TopicNamespace, event: { topic: string; envelope: EventEnvelope }, partition?: number) {
  return namespace.send(event.topic, { ...kafkaMessage(event.envelope), ...(partition === undefined ? {} : { partition }) });
}
