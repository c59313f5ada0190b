import { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { PlatformLogger } from '../logger';
import { ConsumerStatus } from './consumer-status';
import { classifyFailure, TransientFailureClass } from './failures';
import { KafkaEventContext } from './kafka-event-context';
import { retryDelayMs } from './retry-delay';

/** What to do after a handler failed on its `attempt`-th try of a message. */
export type AfterFailure = { readonly action: 'dead-letter' } | { readonly action: 'again-now' } | { readonly action: 'retry-later'; readonly errorClass: TransientFailureClass };

/**
 * The one retry layer of the consumers: a message that can never succeed is dead-lettered at once;
 * a first version conflict is tried again at once (the writer that won has committed, so a reload
 * succeeds); anything else stalls the partition on the message, which is retried after a capped
 * exponential backoff with jitter, without limit, while the other partitions keep going.
 */
export class RetryPolicy {
  readonly #resumeTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly options: {
      readonly initialBackoffMs: number;
      readonly maxBackoffMs: number;
      readonly status: ConsumerStatus;
      readonly logger: PlatformLogger;
    },
  ) {}

  /** `firstAttempt`: the attempt this delivery started at (earlier ones failed before a pause). */
  afterFailure(error: unknown, attempt: number, firstAttempt: number): AfterFailure {
    const failure = classifyFailure(error);
    if (failure.permanent) return { action: 'dead-letter' };
    if (failure.errorClass === 'version_conflict' && attempt === firstAttempt) return { action: 'again-now' };
    return { action: 'retry-later', errorClass: failure.errorClass };
  }

  /** Records the failed attempt in the consumer status, with the time of the next one. */
  stall(context: KafkaEventContext, errorClass: TransientFailureClass, error: unknown, attempts: number, eventId?: string): void {
    const { logger, status } = this.options;
    const delay = retryDelayMs(attempts, this.options.initialBackoffMs, this.options.maxBackoffMs);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    status.stalledOn({
      topic: context.topic,
      partition: context.partition,
      offset: context.offset,
      errorClass,
      error: reason.slice(0, 500),
      attempts,
      nextAttemptAt: new Date(Date.now() + delay),
    });
    // The first attempts of a hiccup are routine; a partition that stays stalled is worth a warning each time.
    const log = attempts >= 3 ? logger.warn.bind(logger) : (logger.debug?.bind(logger) ?? (() => undefined));
    log({
      msg: 'transient failure; partition paused for a retry',
      topic: context.topic,
      partition: context.partition,
      offset: context.offset,
      eventId,
      errorClass,
      attempts,
      retryInMs: delay,
      err: reason,
    });
  }

  /**
   * Pauses the partition on `message` (its offset is not resolved, so the next fetch after the
   * resume starts there) and resumes it when the stall's next attempt is due. The offsets resolved
   * before it are committed as the batch ends; other partitions are not held up.
   */
  pauseUntilNextAttempt(payload: EachBatchPayload, message: KafkaMessage): void {
    const { topic, partition } = payload.batch;
    const stalled = this.options.status.snapshot().stalled.find((s) => s.topic === topic && s.partition === partition);
    const resume = payload.pause();
    const timer = setTimeout(
      () => {
        this.#resumeTimers.delete(timer);
        resume();
      },
      Math.max(0, (stalled?.nextAttemptAt.getTime() ?? Date.now()) - Date.now()),
    );
    this.#resumeTimers.add(timer);
    this.options.logger.debug?.({ msg: 'partition paused for a retry', topic, partition, offset: message.offset, attempts: stalled?.attempts });
  }

  /** Forgets the pending resumes (the consumer is closing). */
  close(): void {
    for (const timer of this.#resumeTimers) clearTimeout(timer);
    this.#resumeTimers.clear();
  }
}
