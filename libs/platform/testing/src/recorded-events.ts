import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Message } from 'kafkajs';
import { EventContract, EventEnvelope, eventHeaders } from '@bazaar/published-language';

/** Where each producer records one real example per contract (`<wire type>.json`). */
const examples = join(__dirname, '../../../published-language/src/examples');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The producer's recorded example of a contract, parsed by that contract. */
export function recordedExample<T>(contract: EventContract<T>): EventEnvelope<T> {
  return contract.parse(JSON.parse(readFileSync(join(examples, `${contract.wireType}.json`), 'utf8')));
}

export type EventOverrides<T> = Partial<Omit<EventEnvelope<T>, 'data'>> & { readonly data?: Partial<T> };

/**
 * An event as its producer would publish it: the recorded example with fresh ids, so every call is
 * about new things. Each UUID of the example is replaced by one new UUID wherever it appears, so the
 * ids keep their relations (an order's aggregate id stays its order id). A UUID given in `data`
 * takes the place of the example's value everywhere too: `anEvent(CartCheckedOutV1, { data: { orderId } })`
 * is keyed by `orderId`. Other overrides replace fields as given (and may break the contract on purpose).
 */
export function anEvent<T>(contract: EventContract<T>, overrides: EventOverrides<T> = {}): EventEnvelope<T> {
  const example = recordedExample(contract);
  const { data = {}, ...envelope } = overrides;
  const replacements = new Map<string, string>();
  for (const [field, value] of Object.entries(data)) {
    const old = (example.data as Record<string, unknown>)[field];
    if (typeof old === 'string' && UUID.test(old) && typeof value === 'string') replacements.set(old, value);
  }
  const fresh = withFreshUuids(example, replacements);
  return { ...fresh, ...envelope, data: { ...fresh.data, ...data } };
}

/** The Kafka message the outbox relay would send for an envelope: key = aggregate id, JSON body, routing headers. */
export function kafkaMessage(envelope: EventEnvelope): Message {
  return { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: eventHeaders(envelope) };
}

function withFreshUuids<T>(value: T, replacements: Map<string, string>): T {
  if (typeof value === 'string' && UUID.test(value)) {
    if (!replacements.has(value)) replacements.set(value, randomUUID());
    return replacements.get(value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => withFreshUuids(item, replacements)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withFreshUuids(item, replacements)])) as T;
  }
  return value;
}
