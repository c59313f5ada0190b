import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Message } from 'kafkajs';
import {
  CartCheckedOutV1,
  EventContract,
  EventEnvelope,
  EventHeaders,
  RevenueDeferredV1,
  ShipmentCreatedV1,
} from '@bazaar/published-language';

const examples = join(__dirname, '../../../../published-language/src/examples');

/** The producer's recorded example of a contract, parsed by that contract. */
export function recordedExample<T>(contract: EventContract<T>): EventEnvelope<T> {
  return contract.parse(JSON.parse(readFileSync(join(examples, `${contract.wireType}.json`), 'utf8')));
}

/** The recorded examples re-addressed to one order, each with a fresh event id. */
export function publishedEventsAbout(orderId: string) {
  return {
    cartCheckedOut: (): EventEnvelope<CartCheckedOutV1> => {
      const example = recordedExample(CartCheckedOutV1);
      return { ...example, id: randomUUID(), aggregateId: orderId, data: { ...example.data, orderId } };
    },
    shipmentCreated: (shipmentId: string = randomUUID()): EventEnvelope<ShipmentCreatedV1> => {
      const example = recordedExample(ShipmentCreatedV1);
      return { ...example, id: randomUUID(), aggregateId: shipmentId, data: { ...example.data, shipmentId, orderId } };
    },
    revenueDeferred: (revenueEventId: string = randomUUID()): EventEnvelope<RevenueDeferredV1> => {
      const example = recordedExample(RevenueDeferredV1);
      return { ...example, id: randomUUID(), aggregateId: orderId, data: { ...example.data, revenueEventId, orderId } };
    },
  };
}

/** The Kafka message the outbox relay would send for an envelope: key = aggregate id, routing headers. */
export function asKafkaMessage(envelope: EventEnvelope): Message {
  return {
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: {
      [EventHeaders.id]: envelope.id,
      [EventHeaders.type]: `${envelope.type}.v${envelope.version}`,
      [EventHeaders.producer]: envelope.producer,
      [EventHeaders.correlationId]: envelope.correlationId,
    },
  };
}
