import { setTimeout as sleep } from 'node:timers/promises';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { ContractViolation, EventEnvelope } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { childTraceparent, runInMessageContext } from '../message-context';
import { DeadLetters } from './dead-letters';
import { MalformedMessage, parseEnvelope, routeOf } from './incoming-message';

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
  readonly logger: PlatformLogger;
}

/** Where a message came from; the second argument of every event handler. */
export class KafkaEventContext {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
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
 * - types nobody here handles are skipped after a look at the header only.
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
      this.#consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 1000 });
      await this.#consumer.connect();
      await this.#consumer.subscribe({ topics: [...topics], fromBeginning: true });
      const deadLetters = new DeadLetters(this.#producer, this.options.deadLetterTopic, groupId);
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
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      const context = new KafkaEventContext(batch.topic, batch.partition, message.offset);
      await this.consume(message, context, deadLetters, heartbeat);
      resolveOffset(message.offset);
      await heartbeat();
    }
  }

  private async consume(
    message: KafkaMessage,
    context: KafkaEventContext,
    deadLetters: DeadLetters,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let envelope: EventEnvelope;
    let handler;
    try {
      const route = routeOf(message);
      handler = this.getHandlerByPattern(route.wireType);
      if (!handler) return;
      envelope = route.envelope ?? parseEnvelope(message);
    } catch (error) {
      await deadLetters.send(message, context, error, 1);
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await runInMessageContext(
          {
            correlationId: envelope.correlationId ?? envelope.id,
            causationId: envelope.id,
            traceparent: childTraceparent(envelope.traceparent),
            tracestate: envelope.tracestate ?? null,
          },
          async () => {
            const started = performance.now();
            const result = await handler(envelope, context);
            if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
            this.options.logger.debug?.({
              msg: 'event handled', type: envelope.type, version: envelope.version, eventId: envelope.id,
              topic: context.topic, partition: context.partition, offset: context.offset, attempt, ms: Math.round(performance.now() - started),
            });
          },
        );
        return;
      } catch (error) {
        if (isPermanent(error) || attempt >= this.options.maxAttempts) {
          this.options.logger.warn({ msg: 'dead-lettering message', eventId: envelope.id, attempt, err: String(error) });
          await deadLetters.send(message, context, error, attempt);
          return;
        }
        await sleep(Math.min(this.options.initialBackoffMs * 2 ** (attempt - 1), this.options.maxBackoffMs));
        await heartbeat();
      }
    }
  }
}

function isPermanent(error: unknown): boolean {
  if (error instanceof ContractViolation || error instanceof MalformedMessage) return true;
  return error instanceof DomainError && !(error instanceof ConcurrencyConflict);
}
