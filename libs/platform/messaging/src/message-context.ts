import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { OutgoingEvent } from './outbox/outbox';
import { activeTraceparent } from './tracing';

/**
 * Causality carried through one unit of work: an HTTP request or the handling of one message.
 * Every event written to the outbox inside it inherits these ids, which is how a correlation id
 * and a W3C trace travel from a request, through Kafka, into the next context's logs.
 */
export interface MessageContext {
  readonly correlationId: string;
  /** The request or message that caused the current work; null for an originating request. */
  readonly causationId: string | null;
  /** W3C `traceparent` of the current span. */
  readonly traceparent: string;
  readonly tracestate: string | null;
}

const storage = new AsyncLocalStorage<MessageContext>();

export function runInMessageContext<T>(context: MessageContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentMessageContext(): MessageContext | undefined {
  return storage.getStore();
}

/** Which of the messages handled together caused an event (undefined: none of them, or not known). */
export type CauseOf = (event: OutgoingEvent) => MessageContext | undefined;

const causes = new AsyncLocalStorage<CauseOf>();

/**
 * Runs work done for several messages at once — a consumer's batch of messages, whose effects are
 * decided together just before their shared transaction commits, outside any one message's context
 * — so that each event it writes to the outbox still carries the ids and trace of the message that
 * caused it: `causeOf` names that message's context for each event.
 */
export function runForMessages<T>(causeOf: CauseOf, work: () => T): T {
  return causes.run(causeOf, work);
}

/** The message `runForMessages` names as the cause of an event written now (undefined outside it, or when it names none). */
export function causeOf(event: OutgoingEvent): MessageContext | undefined {
  return causes.getStore()?.(event);
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A new span in the trace of `parent` (or a new trace when there is no valid parent). */
export function childTraceparent(parent: string | null | undefined): string {
  const match = parent ? TRACEPARENT.exec(parent) : null;
  const traceId = match?.[1] ?? randomBytes(16).toString('hex');
  const flags = match?.[3] ?? '01';
  return `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}

/**
 * The `traceparent` for work being done now: the active OpenTelemetry span's (the HTTP server span,
 * a consumer span), else — no SDK registered, as in some tests — a new span id in `parent`'s trace.
 */
export function currentTraceparent(parent: string | null | undefined): string {
  return activeTraceparent() ?? childTraceparent(parent);
}

/**
 * The context for work started by an incoming request: its trace is the request's server span (which
 * continues the caller's trace if it sent one).
 */
export function requestContext(headers: { correlationId?: string | undefined; traceparent?: string | undefined; tracestate?: string | undefined }): MessageContext {
  const correlationId = headers.correlationId && headers.correlationId.length <= 128 ? headers.correlationId : randomUUID();
  return {
    correlationId,
    causationId: null,
    traceparent: currentTraceparent(headers.traceparent),
    tracestate: headers.tracestate ?? null,
  };
}
