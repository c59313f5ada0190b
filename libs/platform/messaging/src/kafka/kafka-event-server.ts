import { setTimeout as sleep } from 'node:timers/promises';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { ContractViolation, EventEnvelope, wireType } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { currentTraceparent, runInMessageContext } from '../message-context';
import { ConsumerMetrics } from '../observability';
import { inConsumerSpan } from '../tracing';
import { DeadLetters } from './dead-letters';
import { headerValue, MalformedMessage, parseEnvelope, routeOf } from './incoming-message';

export interface KafkaEventServerOptions {
  readonly kafka: Kafka;
  /** One consumer group per service: replicas share the partitions. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly deadLetterTopic: string;
  /** Attempts for a transient failure before the message is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
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

/**
 * A Nest transport so that consumers stay idiomatic `@EventPattern('type.vN')` methods, with the
 * delivery rules of BRIEF §5 that the built-in ServerKafka lacks:
 * - offsets are resolved only after the handler (and so its inbox transaction) finished, and
 *   committed after the batch;
 * - a failing message is retried with exponential backoff a bounded number of times, a message that
 *   can never succeed (malformed, contract violation, broken rule) is not retried, and either way it
 *   ends on the dead-letter topic with its error while the partition moves on;
 * - types nobody here handles are skipped after a look at the header only;
 * - consecutive messages whose handlers are marked {@link inBatchTransaction} share one
 *   transaction (one commit instead of one per message); if it fails, none of them was applied and
 *   they are handled again one at a time, with the retries and dead-lettering above.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  #consumer: Consumer | undefined;
  #producer: Producer | undefined;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { kafka, groupId, topics } = this.options;
      this.#producer = kafka.producer({ allowAutoTopicCreation: false });
      await this.#producer.connect();
      this.#consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        minBytes: 1,
        maxWaitTimeInMs: 1000,
        ...this.options.fetch,
        ...(this.options.sessionTimeoutMs ? { sessionTimeout: this.options.sessionTimeoutMs } : {}),
      });
      await this.#consumer.connect();
      await this.#consumer.subscribe({ topics: [...topics], fromBeginning: true });
      const deadLetters = new DeadLetters(this.#producer, this.options.deadLetterTopic, groupId, this.options.metrics);
      await this.#consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.consumeBatch(payload, deadLetters),
      });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.#consumer?.disconnect();
    await this.#producer?.disconnect();
  }

  on(): void {
    throw new Error('KafkaEventServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.#consumer as T;
  }

  private async consumeBatch(payload: EachBatchPayload, deadLetters: DeadLetters): Promise<void> {
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
        resolveOffset(last.offset);
        await heartbeat();
        next += shared.length;
        continue;
      }
      // One at a time, each in its own transaction: messages that cannot share one, and the
      // fallback after a shared transaction failed (rolled back as a whole, so none was applied).
      for (const message of shared.length > 1 ? shared.map((routed) => routed.message) : rest.slice(0, 1)) {
        if (!isRunning() || isStale()) return;
        await this.consume(message, contextOf(message), deadLetters, heartbeat);
        resolveOffset(message.offset);
        await heartbeat();
        next += 1;
      }
    }
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

  private async consume(
    message: KafkaMessage,
    context: KafkaEventContext,
    deadLetters: DeadLetters,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let envelope: EventEnvelope;
    let handler: MessageHandler | null;
    try {
      const route = routeOf(message);
      handler = this.handlerOf(route.wireType);
      if (!handler) return;
      envelope = route.envelope ?? parseEnvelope(message);
    } catch (error) {
      await deadLetters.send(message, context, error, 1);
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.handle(handler, envelope, context, attempt);
        return;
      } catch (error) {
        if (isPermanent(error) || attempt >= this.options.maxAttempts) {
          this.options.logger.warn({ msg: 'dead-lettering message', eventId: envelope.id, attempt, err: String(error) });
          await deadLetters.send(message, context, error, attempt);
          return;
        }
        this.options.metrics?.retrying(context.topic, context.partition, error);
        await sleep(this.backoffMs(error, attempt));
        await heartbeat();
      }
    }
  }

  /**
   * Exponential backoff between attempts, except after a first version conflict: the writer that
   * won has already committed, so reloading at once succeeds (waiting would only add latency).
   */
  private backoffMs(error: unknown, attempt: number): number {
    if (error instanceof ConcurrencyConflict && attempt === 1) return 0;
    return Math.min(this.options.initialBackoffMs * 2 ** (attempt - 1), this.options.maxBackoffMs);
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

function isPermanent(error: unknown): boolean {
  if (error instanceof ContractViolation || error instanceof MalformedMessage) return true;
  return error instanceof DomainError && !(error instanceof ConcurrencyConflict);
}
