import { z } from 'zod';

/**
 * The envelope every Bazaar integration event travels in. The same facts are copied into Kafka
 * headers (see {@link EventHeaders}) so that a consumer can route and deduplicate a message without
 * parsing its body.
 */
export interface EventEnvelope<TData = unknown> {
  /** Unique per event (UUID); consumers deduplicate on it. */
  readonly id: string;
  /** Wire type without version, e.g. `checkout.cart-checked-out`. */
  readonly type: string;
  /** Contract version; a breaking change is a new version. */
  readonly version: number;
  /** When the fact happened in the producing context (ISO-8601, UTC). */
  readonly occurredAt: string;
  /** Producing bounded context, e.g. `checkout`. */
  readonly producer: string;
  /** Id of the aggregate the event is about; also the Kafka message key. */
  readonly aggregateId: string;
  /** Id shared by every message caused, directly or not, by one request. */
  readonly correlationId: string;
  /** Id of the message (or request) that caused this one; null for an originating command. */
  readonly causationId: string | null;
  /** W3C trace context of the producing operation. */
  readonly traceparent: string | null;
  readonly tracestate: string | null;
  readonly data: TData;
}

const uuid = z.uuid();

/** Schema of the envelope without its data; `data` is checked by the event's own contract. */
export const envelopeSchema = z.object({
  id: uuid,
  type: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  aggregateId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  traceparent: z.string().nullable(),
  tracestate: z.string().nullable(),
  data: z.unknown(),
});

/** Kafka header names carrying the envelope's routing facts. */
export const EventHeaders = {
  id: 'bazaar-event-id',
  type: 'bazaar-event-type',
  producer: 'bazaar-producer',
  correlationId: 'bazaar-correlation-id',
  causationId: 'bazaar-causation-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

/** The versioned wire type that consumers subscribe to, e.g. `checkout.cart-checked-out.v1`. */
export function wireType(type: string, version: number): string {
  return `${type}.v${version}`;
}

/** The Kafka headers of an envelope, as the outbox relay sends them: optional facts only when present. */
export function eventHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    [EventHeaders.id]: envelope.id,
    [EventHeaders.type]: wireType(envelope.type, envelope.version),
    [EventHeaders.producer]: envelope.producer,
    [EventHeaders.correlationId]: envelope.correlationId,
    ...(envelope.causationId ? { [EventHeaders.causationId]: envelope.causationId } : {}),
    ...(envelope.traceparent ? { [EventHeaders.traceparent]: envelope.traceparent } : {}),
    ...(envelope.tracestate ? { [EventHeaders.tracestate]: envelope.tracestate } : {}),
  };
}

/**
 * What a consumer subscribes to for the tombstones of a contract on a compacted topic: a message
 * keyed like the contract's, with its type in the header and no value (`checkout.buyer-data-key.v1.tombstone`).
 * The transport hands the handler an envelope whose `aggregateId` is the message key and whose `data` is null.
 */
export function tombstoneOf(wireType: string): string {
  return `${wireType}.tombstone`;
}
