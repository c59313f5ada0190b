import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { EventEnvelope } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { ConsumerMetrics } from '../observability';
import { envelopeOf, inBatchTransaction, leadingSharedRun, Routed, UnitOfWork } from './batch-plan';
import { ConsumerStatus } from './consumer-status';
import { ConsumerSupervisor } from './consumer-supervisor';
import { DeadLetters } from './dead-letters';
import { inSharedTransactionSpan } from '../tracing';
import { GroupCommit } from './group-commit';
import { runHandler } from './handler-run';
import { parseEnvelope, routeOf } from './incoming-message';
import { KafkaEventContext } from './kafka-event-context';
import { OffsetCommits } from './offset-commits';
import { RetryPolicy } from './retry-policy';

export { inBatchTransaction, KafkaEventContext };
export type { UnitOfWork };

export interface KafkaEventServerOptions {
  readonly kafka: Kafka;
  /** One consumer group per service: replicas share the partitions. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly deadLetterTopic: string;
  /** Backoff between attempts on a transient failure: exponential from the first to the most, with jitter. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A consumer out of its group this long (crashed, stuck restarting) is replaced by a new one (default 60 s). */
  readonly replaceConsumerAfterMs?: number;
  /** Where the transport reports its phase, stalled partitions and dead letters (default: its own, see `consumerStatus`). */
  readonly status?: ConsumerStatus;
  /**
   * Partitions handled in parallel by one replica; order within a partition is always kept. Their
   * shared runs are committed together, one transaction at a time ({@link GroupCommit}).
   */
  readonly partitionsConsumedConcurrently: number;
  /** How long a fetch may wait for how much data (kafkajs `minBytes`, `maxWaitTimeInMs`); by default it answers on the first byte, within a second. */
  readonly fetch?: { readonly minBytes: number; readonly maxWaitTimeInMs: number };
  /** How long the group waits for a silent replica before moving its partitions (kafkajs default 30 s). */
  readonly sessionTimeoutMs?: number;
  /**
   * Offsets are committed at most this often ({@link OffsetCommits}); 0 (the default) commits after
   * every batch. A crash or a rebalance re-delivers at most this long's messages, which the inbox absorbs.
   */
  readonly commitIntervalMs?: number;
  /**
   * Consecutive messages whose handlers are marked {@link inBatchTransaction} are handled in one
   * transaction of this unit of work, with those of the other partitions in hand, up to
   * `maxMessages` at a time (1 turns it off).
   */
  readonly batchTransaction?: {
    readonly unitOfWork: UnitOfWork;
    readonly maxMessages: number;
    /** How many shared transactions may be open at once (default 1: none of them races another on the same rows). */
    readonly concurrency?: number;
  };
  readonly logger: PlatformLogger;
  /** Lag, handler runs, retries and dead letters (see docs/operations.md); nothing is counted without it. */
  readonly metrics?: ConsumerMetrics;
}

/**
 * The Kafka transport: a Nest transport so that consumers stay idiomatic `@EventPattern('type.vN')` methods, with the
 * delivery rules (docs/resilience.md) that the built-in ServerKafka lacks:
 * - offsets are resolved only after the handler (and so its inbox transaction) finished, and
 *   committed at most every `commitIntervalMs` ({@link OffsetCommits}), and as the consumer stops;
 * - a message that can never succeed (malformed, contract violation, broken rule: see
 *   {@link classifyFailure}) goes to the dead-letter topic at once, with its error, and the
 *   partition moves on;
 * - any other failure is transient: the partition is paused on that message and retried without
 *   limit, with capped exponential backoff and jitter, while the other partitions keep going. A
 *   database failover or a broker restart therefore delays messages and never parks them, and an
 *   aggregate's events are never reordered by a replay ({@link RetryPolicy}). Stalled partitions
 *   (why, since when, how many attempts) are in the {@link ConsumerStatus};
 * - types nobody here handles are skipped after a look at the header only;
 * - consecutive messages whose handlers are marked {@link inBatchTransaction} share one
 *   transaction ({@link leadingSharedRun}), and so do the runs of partitions consumed side by side
 *   ({@link GroupCommit}): one commit for many messages instead of one each, one transaction at a
 *   time per replica. If it fails, none of them was applied and they are handled again one at a
 *   time, under the rules above;
 * - the kafkajs consumer is supervised ({@link ConsumerSupervisor}): started in the background
 *   until the broker answers, and replaced when it crashes for good or leaves its group.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  readonly consumerStatus: ConsumerStatus;
  readonly #retries: RetryPolicy;
  #supervisor: ConsumerSupervisor | undefined;
  #deadLetters: DeadLetters | undefined;
  readonly #groupCommit: GroupCommit | undefined;
  readonly #commits: OffsetCommits;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.consumerStatus = options.status ?? new ConsumerStatus(options.groupId);
    this.#commits = new OffsetCommits(options.commitIntervalMs ?? 0, (error) =>
      options.logger.debug?.({ msg: 'offset commit failed; the next batch commits again', groupId: options.groupId, err: String(error) }),
    );
    this.#retries = new RetryPolicy({ initialBackoffMs: options.initialBackoffMs, maxBackoffMs: options.maxBackoffMs, status: this.consumerStatus, logger: options.logger });
    const shared = options.batchTransaction;
    this.#groupCommit =
      shared &&
      new GroupCommit(
        shared.unitOfWork,
        { maxMessages: shared.maxMessages, concurrency: shared.concurrency ?? 1 },
        (error, runs) => options.logger.debug?.({ msg: 'shared transaction failed; its runs are handled again alone, then one message at a time', runs, err: String(error) }),
        (traces, work) => inSharedTransactionSpan(options.groupId, traces, work),
      );
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { kafka, groupId, topics, logger } = this.options;
      this.#deadLetters = new DeadLetters(kafka.producer({ allowAutoTopicCreation: false }), this.options.deadLetterTopic, groupId, this.options.metrics);
      this.#supervisor = new ConsumerSupervisor({
        kafka,
        topics,
        status: this.consumerStatus,
        logger,
        replaceAfterMs: this.options.replaceConsumerAfterMs ?? 60_000,
        config: {
          groupId,
          allowAutoTopicCreation: false,
          minBytes: 1,
          maxWaitTimeInMs: 1000,
          ...this.options.fetch,
          ...(this.options.sessionTimeoutMs ? { sessionTimeout: this.options.sessionTimeoutMs } : {}),
        },
        run: {
          // Committed by #commits as batches end, not by kafkajs after each one.
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
          eachBatch: (payload) => this.consumeBatch(payload),
        },
      });
      await this.#supervisor.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Finishes the batches in hand, commits their offsets and leaves the group. */
  async close(): Promise<void> {
    this.#retries.close();
    await this.#commits.close().catch((error: unknown) => this.options.logger.warn({ msg: 'offsets not committed before closing', err: String(error) }));
    await this.#supervisor?.close();
    await this.#deadLetters?.close();
  }

  on(): void {
    throw new Error('KafkaEventServer has no events to subscribe to');
  }

  /** The kafkajs consumer running now. */
  unwrap<T>(): T {
    return this.#supervisor?.consumer as T;
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    try {
      await this.handleBatch(payload);
    } catch (error) {
      // What the batch resolved before it failed stays resolved; its own failure is what kafkajs must see.
      await this.#commits.batchEnded(payload).catch(() => undefined);
      throw error;
    }
    await this.#commits.batchEnded(payload);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale } = payload;
    const metrics = this.options.metrics;
    const resolveOffset = (offset: string) => {
      payload.resolveOffset(offset);
      metrics?.positionAdvanced(batch.topic, batch.partition, offset, batch.highWatermark);
    };
    const first = batch.messages[0];
    if (first) metrics?.positionAdvanced(batch.topic, batch.partition, (BigInt(first.offset) - 1n).toString(), batch.highWatermark);
    const maxShared = this.options.batchTransaction?.maxMessages ?? 1;
    for (let next = 0; next < batch.messages.length;) {
      if (!isRunning() || isStale()) return;
      const rest = batch.messages.slice(next);
      const shared = leadingSharedRun(rest, (type) => this.handlerOf(type), maxShared);
      const last = shared.at(-1)?.message;
      if (last && this.isFirstTry(batch, shared[0]!.message) && (await this.consumeShared(shared, batch))) {
        this.consumerStatus.moving(batch.topic, batch.partition);
        resolveOffset(last.offset);
        await heartbeat();
        next += shared.length;
        continue;
      }
      // One at a time, each in its own transaction: a message that cannot share one, one being
      // tried again, and the fallback after a shared transaction failed (rolled back, so none of
      // its messages was applied).
      for (const message of shared.length > 0 ? shared.map((routed) => routed.message) : rest.slice(0, 1)) {
        if (!isRunning() || isStale()) return;
        if ((await this.consume(message, KafkaEventContext.of(batch, message))) === 'retry-later') {
          this.#retries.pauseUntilNextAttempt(payload, message);
          return;
        }
        this.consumerStatus.moving(batch.topic, batch.partition);
        resolveOffset(message.offset);
        await heartbeat();
        next += 1;
      }
    }
  }

  /** A message the partition stalled on is tried again on its own, not in a group it could fail. */
  private isFirstTry(batch: EachBatchPayload['batch'], message: KafkaMessage): boolean {
    return this.consumerStatus.attemptsOn(batch.topic, batch.partition, message.offset) === 0;
  }

  /**
   * Handles every message of `run` in one transaction, shared with the runs other partitions hand
   * in meanwhile ({@link GroupCommit}); false (nothing of the run applied) if it failed.
   */
  private async consumeShared(run: readonly Routed[], batch: EachBatchPayload['batch']): Promise<boolean> {
    if (!this.#groupCommit) return false;
    let work: { handler: MessageHandler; envelope: EventEnvelope; context: KafkaEventContext }[];
    try {
      work = run.flatMap(({ message, handler }) => (handler ? [{ handler, envelope: envelopeOf(message), context: KafkaEventContext.of(batch, message) }] : []));
    } catch {
      return false; // a body that is not an envelope: one at a time, it goes to the dead letters
    }
    if (work.length === 0) return true; // nothing here handles these types
    return this.#groupCommit.submit({
      messages: work.length,
      traces: work.map(({ envelope, context }) => ({ traceparent: context.traceparent ?? envelope.traceparent, tracestate: context.tracestate ?? envelope.tracestate })),
      apply: async (attempt) => {
        for (const { handler, envelope, context } of work) await this.handle(handler, envelope, context, attempt);
      },
    });
  }

  /** Patterns are plain wire types, so the map lookup is exact (Nest's own lookup tries JSON.parse first). */
  private handlerOf(wireType: string): MessageHandler | null {
    return this.messageHandlers.get(wireType) ?? null;
  }

  /**
   * Handles one message: done when it was applied (or is not ours, or was dead-lettered);
   * `retry-later` when it failed transiently (the stall is recorded with its next attempt's time).
   */
  private async consume(message: KafkaMessage, context: KafkaEventContext): Promise<'done' | 'retry-later'> {
    let envelope: EventEnvelope;
    let handler: MessageHandler | null;
    try {
      const route = routeOf(message);
      handler = this.handlerOf(route.wireType);
      if (!handler) return 'done';
      envelope = route.envelope ?? parseEnvelope(message);
    } catch (error) {
      return this.deadLetter(message, context, error, 1);
    }
    const firstAttempt = this.consumerStatus.attemptsOn(context.topic, context.partition, context.offset) + 1;
    for (let attempt = firstAttempt; ; attempt += 1) {
      try {
        await this.handle(handler, envelope, context, attempt);
        return 'done';
      } catch (error) {
        const next = this.#retries.afterFailure(error, attempt, firstAttempt);
        if (next.action === 'again-now') continue;
        if (next.action === 'dead-letter') {
          this.options.logger.warn({ msg: 'dead-lettering message', eventId: envelope.id, attempt, err: String(error) });
          return this.deadLetter(message, context, error, attempt);
        }
        this.options.metrics?.retrying(context.topic, context.partition, error);
        this.#retries.stall(context, next.errorClass, error, attempt, envelope.id);
        return 'retry-later';
      }
    }
  }

  private async deadLetter(message: KafkaMessage, context: KafkaEventContext, error: unknown, attempts: number): Promise<'done' | 'retry-later'> {
    try {
      await this.#deadLetters?.send(message, context, error, attempts);
      this.consumerStatus.deadLettered();
      return 'done';
    } catch (sendError) {
      // Parking needs the broker too: until it takes the message, the partition waits on it.
      this.#retries.stall(context, 'kafka_unavailable', sendError, attempts);
      return 'retry-later';
    }
  }

  private handle(handler: MessageHandler, envelope: EventEnvelope, context: KafkaEventContext, attempt: number): Promise<void> {
    return runHandler(handler, envelope, context, { groupId: this.options.groupId, attempt, logger: this.options.logger, metrics: this.options.metrics });
  }
}
