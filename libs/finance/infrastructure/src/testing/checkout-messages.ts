import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Message } from 'kafkajs';
import { CartCheckedOutV1, EventEnvelope, EventHeaders, wireType } from '@bazaar/published-language';

type CartCheckedOut = EventEnvelope<CartCheckedOutV1>;

const recordedExample = join(__dirname, '../../../../published-language/src/examples/checkout.cart-checked-out.v1.json');

/** Checkout's recorded example with fresh ids: what Checkout would publish for a new order. */
export function aCartCheckedOut(data: Partial<CartCheckedOutV1> = {}): CartCheckedOut {
  const example = CartCheckedOutV1.parse(JSON.parse(readFileSync(recordedExample, 'utf8')));
  const orderId = data.orderId ?? randomUUID();
  return {
    ...example,
    id: randomUUID(),
    aggregateId: orderId,
    correlationId: randomUUID(),
    data: { ...example.data, ...data, orderId },
  };
}

/** The Kafka message the outbox relay would produce for an envelope: key, JSON body, routing headers. */
export function asKafkaMessage(envelope: EventEnvelope): Message {
  return {
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: {
      [EventHeaders.id]: envelope.id,
      [EventHeaders.type]: wireType(envelope.type, envelope.version),
      [EventHeaders.producer]: envelope.producer,
      [EventHeaders.correlationId]: envelope.correlationId,
    },
  };
}
