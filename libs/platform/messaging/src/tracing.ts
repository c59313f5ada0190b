import { Context, context, isSpanContextValid, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * Spans of the messaging runtime (OpenTelemetry API; the service registers the SDK, see
 * `libs/platform/service/src/observability/tracing.ts`). Without a registered SDK the API is a no-op:
 * spans carry their parent's context and nothing is recorded, and the W3C trace context still
 * travels through the outbox and Kafka as before.
 */
const tracer = () => trace.getTracer('@bazaar/platform-messaging');
const w3c = new W3CTraceContextPropagator();

/** The OpenTelemetry context of a W3C `traceparent` (and `tracestate`); the root context when absent or invalid. */
export function contextOfTraceparent(traceparent: string | null | undefined, tracestate?: string | null): Context {
  if (!traceparent) return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent, ...(tracestate ? { tracestate } : {}) };
  return w3c.extract(ROOT_CONTEXT, carrier, { get: (c, key) => c[key], keys: (c) => Object.keys(c) });
}

/** The `traceparent` of a span, or undefined when its context is not valid (no SDK and no parent). */
export function traceparentOf(span: Span | undefined): string | undefined {
  const spanContext = span?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return `00-${spanContext.traceId}-${spanContext.spanId}-${(spanContext.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** The `traceparent` of the active span, if there is a valid one. */
export function activeTraceparent(): string | undefined {
  return traceparentOf(trace.getActiveSpan());
}

/**
 * Runs `work` in a CONSUMER span for one message: `<topic> process`, a child of the message's
 * trace context (the publishing span's, from its headers). The span ends with the work; a throw
 * marks it failed.
 */
export async function inConsumerSpan<T>(
  message: {
    readonly topic: string;
    readonly partition: number;
    readonly offset: string;
    readonly groupId: string;
    readonly eventType: string;
    readonly eventId: string;
    readonly traceparent: string | null | undefined;
    readonly tracestate: string | null | undefined;
  },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextOfTraceparent(message.traceparent, message.tracestate);
  const span = tracer().startSpan(
    `${message.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.topic,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.consumer.group.name': message.groupId,
        'messaging.message.id': message.eventId,
        'bazaar.event.type': message.eventType,
      },
    },
    parent,
  );
  return inSpan(parent, span, () => work(span));
}

/**
 * A PRODUCER span per outbox row the relay publishes, continuing the trace stored on the row (the
 * writer's span): `<topic> publish`. Returns the span and the `traceparent` to send in the Kafka
 * headers, so each consumer's span is a child of the publication.
 */
export function startPublishSpan(row: {
  readonly topic: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly traceparent: string | undefined;
  readonly tracestate: string | undefined;
}): {
  span: Span;
  traceparent: string | undefined;
} {
  const span = tracer().startSpan(
    `${row.topic} publish`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.eventId,
        'bazaar.event.type': row.eventType,
      },
    },
    contextOfTraceparent(row.traceparent, row.tracestate),
  );
  return { span, traceparent: traceparentOf(span) ?? row.traceparent };
}

/** Ends publish spans once the broker answered; `error` marks them failed. */
export function endPublishSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    span.end();
  }
}

/** Where a message's trace continues: the `traceparent` (and `tracestate`) it arrived with. */
export interface TraceContext {
  readonly traceparent: string | null | undefined;
  readonly tracestate: string | null | undefined;
}

/**
 * Runs a transaction shared by several messages in an INTERNAL span, `<group> transaction`: the
 * work of the whole batch that is no one message's (its BEGIN and COMMIT, what it writes set-based
 * as it commits). The span continues the first message's trace and links to every other's, so each
 * order's trace still reaches the SQL its batch ran. The per-message consumer spans stay children
 * of their own messages.
 */
export async function inSharedTransactionSpan<T>(groupId: string, messages: readonly TraceContext[], work: () => Promise<T>): Promise<T> {
  const [first, ...others] = messages;
  const parent = contextOfTraceparent(first?.traceparent, first?.tracestate);
  const links = others.flatMap((message) => {
    const spanContext = trace.getSpanContext(contextOfTraceparent(message.traceparent, message.tracestate));
    return spanContext && isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
  });
  const span = tracer().startSpan(
    `${groupId} transaction`,
    { kind: SpanKind.INTERNAL, links, attributes: { 'messaging.system': 'kafka', 'messaging.consumer.group.name': groupId, 'messaging.batch.message_count': messages.length } },
    parent,
  );
  return inSpan(parent, span, work);
}

/** Runs `work` with `span` active under `parent`; the span ends with the work, and a throw marks it failed. */
async function inSpan<T>(parent: Context, span: Span, work: () => Promise<T>): Promise<T> {
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
