import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EventEnvelope, wireType } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { currentTraceparent, runInMessageContext } from '../message-context';
import { ConsumerMetrics } from '../observability';
import { inConsumerSpan } from '../tracing';
import { ConsumerStatus } from './consumer-status';
import { ConsumerSupervisor } from './consumer-supervisor';
import { DeadLetters } from './dead-letters';
import { classifyFailure, TransientFailureClass } from './failures';
import { headerValue, parseEnvelope, routeOf } from './incoming-message';
import { retryDelayMs } from './retry-delay';

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
  /** Partitions handled in parallel by one replica; order within a partition is always kept. */
  readonly partitionsConsumedConcurrently: number;
  /** How long a fetch may wait for how much data (kafkajs `minBytes`, `maxWaitTimeInMs`); by default it answers on the first byte, within a second. */
  readonly fetch?: { readonly minBytes: number; readonly maxWaitTimeInMs: number };
  /** How long the group waits for a silent replica before moving its partitions (kafkajs default 30 s). */
  readonly sessionTimeoutMs?: number;
  /**
   * Consecutive messages whose handlers are marked {@link inBatchTransaction} are handled in one
   * transaction of this unit of work, up to `maxMessages` at a time (1 turns it off).
   */
  readonly batchTransaction?: { readonly unitOfWork: UnitOfWork; readonly maxMessages: number };
  readonly logger: PlatformLogger;
  /** Lag, handler runs, retries and dead letters (see docs/operations.md); nothing is counted without it. */
  readonly metrics?: ConsumerMetrics;
}

/** A message and the handler of its type (null: nobody here handles it). */
interface Routed {
  readonly message: KafkaMessage;
  readonly handler: MessageHandler | null;
}

/** Opens a transaction that the handlers' own units of work join (see `Transactions.run`). */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Handler extras (`@EventPattern(type, inBatchTransaction)`) for a handler whose whole effect is
 * one database transaction of the service's unit of work and nothing outside it (no gateway call,
 * no second transaction). Such handlers may share one transaction with the messages next to them
 * on the partition: one commit for many messages instead of one each.
 */
export const inBatchTransaction = { inBatchTransaction: true } as const;

/** Where a message came from; the second argument of every event handler. */
export class KafkaEventContext {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    /** The trace context the message was published in (its headers): a consumer span continues it. */
    readonly traceparent?: string,
    readonly tracestate?: string,
  ) {}
}

/** What became of one message: done (handled, skipped or dead-lettered), or waiting for a retry. */
type Outcome = 'done' | 'retry-later';

/**
 * A Nest transport so that consumers stay idiomatic `@EventPattern('type.vN')` methods, with the
 * delivery rules (docs/resilience.md) that the built-in ServerKafka lacks:
 * - offsets are resolved only after the handler (and so its inbox transaction) finished, and
 *   committed after the batch;
 * - a message that can never succeed (malformed, contract violation, broken rule: see
 *   {@link classifyFailure}) goes to the dead-letter topic at once, with its error, and the
 *   partition moves on;
 * - any other failure is transient: the partition is paused on that message and retried without
 *   limit, with capped exponential backoff and jitter, while the other partitions keep going. A
 *   database failover or a broker restart therefore delays messages and never parks them, and an
 *   aggregate's events are never reordered by a replay. Stalled partitions (why, since when, how
 *   many attempts) are in the {@link ConsumerStatus};
 * - types nobody here handles are skipped after a look at the header only;
 * - consecutive messages whose handlers are marked {@link inBatchTransaction} share one
 *   transaction (one commit instead of one per message); if it fails, none of them was applied and
 *   they are handled again one at a time, under the rules above;
 * - the kafkajs consumer is supervised ({@link ConsumerSupervisor}): started in the background
 *   until the broker answers, and replaced when it crashes for good or leaves its group.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  readonly consumerStatus: ConsumerStatus;
  #supervisor: ConsumerSupervisor | undefined;
  #deadLetters: DeadLetters | undefined;
  readonly #resumeTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.consumerStatus = options.status ?? new ConsumerStatus(options.groupId);
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
    for (const timer of this.#resumeTimers) clearTimeout(timer);
    this.#resumeTimers.clear();
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
    const { batch, heartbeat, isRunning, isStale } = payload;
    const metrics = this.options.metrics;
    const resolveOffset = (offset: string) => {
      payload.resolveOffset(offset);
      metrics?.positionAdvanced(batch.topic, batch.partition, offset, batch.highWatermark);
    };
    const first = batch.messages[0];
    if (first) metrics?.positionAdvanced(batch.topic, batch.partition, (BigInt(first.offset) - 1n).toString(), batch.highWatermark);
    const contextOf = (message: KafkaMessage) =>
      new KafkaEventContext(batch.topic, batch.partition, message.offset, headerValue(message.headers, 'traceparent'), headerValue(message.headers, 'tracestate'));
    for (let next = 0; next < batch.messages.length; ) {
      if (!isRunning() || isStale()) return;
      const rest = batch.messages.slice(next);
      const shared = this.sharedTransactionRun(rest);
      const last = shared.at(-1)?.message;
      if (last && shared.length > 1 && (await this.consumeInOneTransaction(shared, contextOf))) {
        this.consumerStatus.moving(batch.topic, batch.partition);
        resolveOffset(last.offset);
        await heartbeat();
        next += shared.length;
        continue;
      }
      // One at a time, each in its own transaction: messages that cannot share one, and the
      // fallback after a shared transaction failed (rolled back as a whole, so none was applied).
      for (const message of shared.length > 1 ? shared.map((routed) => routed.message) : rest.slice(0, 1)) {
        if (!isRunning() || isStale()) return;
        if ((await this.consume(message, contextOf(message))) === 'retry-later') {
          this.retryLater(payload, message);
          return;
        }
        this.consumerStatus.moving(batch.topic, batch.partition);
        resolveOffset(message.offset);
        await heartbeat();
        next += 1;
      }
    }
  }

  /**
   * Pauses the partition on `message` (its offset is not resolved, so the next fetch after the
   * resume starts there) and resumes it after the backoff its attempts so far call for. The
   * offsets resolved before it are committed as the batch ends; other partitions are not held up.
   */
  private retryLater(payload: EachBatchPayload, message: KafkaMessage): void {
    const { topic, partition } = payload.batch;
    const stalled = this.consumerStatus.snapshot().stalled.find((s) => s.topic === topic && s.partition === partition);
    const resume = payload.pause();
    const timer = setTimeout(() => {
      this.#resumeTimers.delete(timer);
      resume();
    }, Math.max(0, (stalled?.nextAttemptAt.getTime() ?? Date.now()) - Date.now()));
    this.#resumeTimers.add(timer);
    this.options.logger.debug?.({ msg: 'partition paused for a retry', topic, partition, offset: message.offset, attempts: stalled?.attempts });
  }

  /** The leading messages that may share a transaction, with their handlers: batchable, or none (skipped). */
  private sharedTransactionRun(messages: readonly KafkaMessage[]): Routed[] {
    const maxMessages = this.options.batchTransaction?.maxMessages ?? 1;
    const run: Routed[] = [];
    for (const message of messages) {
      if (run.length >= maxMessages) break;
      let handler: MessageHandler | null;
      try {
        handler = this.handlerOf(routeOf(message).wireType);
      } catch {
        break; // malformed: handled on its own, to the dead letters
      }
      if (handler && !handler.extras?.['inBatchTransaction']) break;
      run.push({ message, handler });
    }
    return run;
  }

  /**
   * Handles every message of `run` in one transaction, once each; false (nothing applied) if it
   * failed. A version conflict is tried once more at once (the other writer has committed, so the
   * shared transaction usually goes through on reload) before giving up on sharing.
   */
  private async consumeInOneTransaction(run: readonly Routed[], contextOf: (message: KafkaMessage) => KafkaEventContext): Promise<boolean> {
    const unitOfWork = this.options.batchTransaction?.unitOfWork;
    if (!unitOfWork) return false;
    let work: { handler: MessageHandler; envelope: EventEnvelope; context: KafkaEventContext }[];
    try {
      work = run.flatMap(({ message, handler }) => (handler ? [{ handler, envelope: envelopeOf(message), context: contextOf(message) }] : []));
    } catch {
      return false; // a body that is not an envelope: one at a time, it goes to the dead letters
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await unitOfWork.run(async () => {
          for (const { handler, envelope, context } of work) await this.handle(handler, envelope, context, attempt);
        });
        return true;
      } catch (error) {
        if (error instanceof ConcurrencyConflict && attempt === 1) continue;
        this.options.logger.debug?.({ msg: 'shared transaction failed; handling its messages one at a time', count: run.length, err: String(error) });
        return false;
      }
    }
  }

  /** Patterns are plain wire types, so the map lookup is exact (Nest's own lookup tries JSON.parse first). */
  private handlerOf(wireType: string): MessageHandler | null {
    return this.messageHandlers.get(wireType) ?? null;
  }

  /**
   * Handles one message: done when it was applied (or is not ours, or was dead-lettered);
   * `retry-later` when it failed transiently (recorded in the status with its next attempt's time).
   * A first version conflict is retried at once: the writer that won has already committed, so
   * reloading succeeds (waiting would only add latency).
   */
  private async consume(message: KafkaMessage, context: KafkaEventContext): Promise<Outcome> {
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
    const before = this.consumerStatus.attemptsOn(context.topic, context.partition, context.offset);
    for (let attempt = before + 1; ; attempt += 1) {
      try {
        await this.handle(handler, envelope, context, attempt);
        return 'done';
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.permanent) {
          this.options.logger.warn({ msg: 'dead-lettering message', eventId: envelope.id, attempt, err: String(error) });
          return this.deadLetter(message, context, error, attempt);
        }
        if (failure.errorClass === 'version_conflict' && attempt === before + 1) continue;
        this.options.metrics?.retrying(context.topic, context.partition, error);
        this.stalled(context, failure.errorClass, error, attempt, envelope.id);
        return 'retry-later';
      }
    }
  }

  private async deadLetter(message: KafkaMessage, context: KafkaEventContext, error: unknown, attempts: number): Promise<Outcome> {
    try {
      await this.#deadLetters?.send(message, context, error, attempts);
      this.consumerStatus.deadLettered();
      return 'done';
    } catch (sendError) {
      // Parking needs the broker too: until it takes the message, the partition waits on it.
      this.stalled(context, 'kafka_unavailable', sendError, attempts);
      return 'retry-later';
    }
  }

  private stalled(context: KafkaEventContext, errorClass: TransientFailureClass, error: unknown, attempts: number, eventId?: string): void {
    const delay = retryDelayMs(attempts, this.options.initialBackoffMs, this.options.maxBackoffMs);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.consumerStatus.stalledOn({
      topic: context.topic, partition: context.partition, offset: context.offset, errorClass,
      error: reason.slice(0, 500), attempts, nextAttemptAt: new Date(Date.now() + delay),
    });
    // The first attempts of a hiccup are routine; a partition that stays stalled is worth a warning each time.
    const log = attempts >= 3 ? this.options.logger.warn.bind(this.options.logger) : (this.options.logger.debug?.bind(this.options.logger) ?? (() => undefined));
    log({ msg: 'transient failure; partition paused for a retry', topic: context.topic, partition: context.partition, offset: context.offset, eventId, errorClass, attempts, retryInMs: delay, err: reason });
  }

  /**
   * Runs the handler once, in a consumer span continuing the message's trace and in the message's
   * context: its correlation id and trace reach whatever it writes.
   */
  private handle(handler: MessageHandler, envelope: EventEnvelope, context: KafkaEventContext, attempt: number): Promise<void> {
    const eventType = wireType(envelope.type, envelope.version);
    const started = performance.now();
    const ran = (outcome: 'handled' | 'failed') =>
      this.options.metrics?.handlerRan({ topic: context.topic, partition: context.partition, eventType, outcome, seconds: (performance.now() - started) / 1000 });
    const message = {
      topic: context.topic, partition: context.partition, offset: context.offset, groupId: this.options.groupId, eventType, eventId: envelope.id,
      traceparent: context.traceparent ?? envelope.traceparent, tracestate: context.tracestate ?? envelope.tracestate,
    };
    return inConsumerSpan(message, () =>
      runInMessageContext(
        {
          correlationId: envelope.correlationId ?? envelope.id,
          causationId: envelope.id,
          traceparent: currentTraceparent(message.traceparent),
          tracestate: envelope.tracestate ?? null,
        },
        async () => {
          try {
            const result = await handler(envelope, context);
            if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
          } catch (error) {
            ran('failed');
            throw error;
          }
          ran('handled');
          this.options.logger.debug?.({
            msg: 'event handled', type: envelope.type, version: envelope.version, eventId: envelope.id,
            topic: context.topic, partition: context.partition, offset: context.offset, attempt, ms: Math.round(performance.now() - started),
          });
        },
      ),
    );
  }
}

function envelopeOf(message: KafkaMessage): EventEnvelope {
  return routeOf(message).envelope ?? parseEnvelope(message);
}
