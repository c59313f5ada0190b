import { IHeaders, KafkaMessage } from 'kafkajs';
import { EventEnvelope, EventHeaders, tombstoneOf, wireType } from '@bazaar/published-language';

/** The bytes on a topic are not an event envelope at all; retrying cannot help. */
export class MalformedMessage extends Error {
  constructor(reason: string) {
    super(`Malformed message: ${reason}`);
    this.name = 'MalformedMessage';
  }
}

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * The versioned wire type of a message, from its header when present (cheap: no parsing of the
 * body for types this consumer does not handle), else from its body.
 */
export function routeOf(message: KafkaMessage): { wireType: string; envelope?: EventEnvelope } {
  const fromHeader = headerValue(message.headers, EventHeaders.type);
  if (message.value === null && fromHeader) return { wireType: tombstoneOf(fromHeader), envelope: tombstoneEnvelope(message, fromHeader) };
  if (fromHeader) return { wireType: fromHeader };
  const envelope = parseEnvelope(message);
  return { wireType: wireType(envelope.type, envelope.version), envelope };
}

/** JSON-decodes the body and checks it has the envelope's routing fields; the data is the contract's business. */
export function parseEnvelope(message: KafkaMessage): EventEnvelope {
  if (!message.value) throw new MalformedMessage('empty body');
  let body: unknown;
  try {
    body = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new MalformedMessage('body is not JSON');
  }
  const candidate = body as Partial<EventEnvelope> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.id !== 'string' || typeof candidate.type !== 'string' || typeof candidate.version !== 'number') {
    throw new MalformedMessage('body is not an event envelope (id, type, version)');
  }
  return candidate as EventEnvelope;
}

/**
 * A tombstone (a keyed message without a value, on a compacted topic) as an envelope: its facts from
 * the headers, the message key as `aggregateId`, the broker's timestamp as `occurredAt`, and `data` null.
 */
function tombstoneEnvelope(message: KafkaMessage, fromHeader: string): EventEnvelope {
  const id = headerValue(message.headers, EventHeaders.id);
  const versioned = /^(.+)\.v(\d+)$/.exec(fromHeader);
  const key = message.key?.toString('utf8');
  if (!id || !versioned || !key) throw new MalformedMessage('tombstone without an event id, a versioned type or a key');
  return {
    id,
    type: versioned[1] as string,
    version: Number(versioned[2]),
    occurredAt: new Date(Number(message.timestamp)).toISOString(),
    producer: headerValue(message.headers, EventHeaders.producer) ?? 'unknown',
    aggregateId: key,
    correlationId: headerValue(message.headers, EventHeaders.correlationId) ?? id,
    causationId: headerValue(message.headers, EventHeaders.causationId) ?? null,
    traceparent: headerValue(message.headers, EventHeaders.traceparent) ?? null,
    tracestate: headerValue(message.headers, EventHeaders.tracestate) ?? null,
    data: null,
  };
}
