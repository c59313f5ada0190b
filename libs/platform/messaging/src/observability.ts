/**
 * What the messaging runtime reports about its work, for the service's metrics registry
 * (`libs/platform/service/src/observability/metrics.ts` implements both). Optional everywhere:
 * without a sink nothing is counted, and nothing here depends on a metrics library.
 */
export interface ConsumerMetrics {
  /** The group's position on a partition moved past `offset`; `highWatermark` is the partition's end. */
  positionAdvanced(topic: string, partition: number, offset: string, highWatermark: string): void;
  /** One handler run (alone or in a shared transaction) and how it ended; a failed one threw. */
  handlerRan(run: { readonly topic: string; readonly partition: number; readonly eventType: string; readonly outcome: 'handled' | 'failed'; readonly seconds: number }): void;
  /** A transient failure will be retried after a backoff: the partition's head waits meanwhile. */
  retrying(topic: string, partition: number, error: unknown): void;
  /** A message was parked on the dead-letter topic (and its partition moves on). */
  deadLettered(topic: string, partition: number, error: unknown): void;
}

export interface OutboxMetrics {
  /** The broker acknowledged `count` messages the relay published to `topic`. */
  published(topic: string, count: number): void;
}

/** The name an error is counted under: its class name (`ContractViolation`, a domain error, `KafkaJSError`). */
export function errorTypeOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
