import { MessageHandler } from '@nestjs/microservices';
import { KafkaMessage } from 'kafkajs';
import { EventEnvelope } from '@bazaar/published-language';
import { parseEnvelope, routeOf } from './incoming-message';

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

/** A message and the handler of its type (null: nobody here handles it). */
export interface Routed {
  readonly message: KafkaMessage;
  readonly handler: MessageHandler | null;
}

/**
 * The leading messages of a batch that may share one transaction, at most `maxMessages`, with their
 * handlers: those marked {@link inBatchTransaction}, and types nobody here handles (skipped). It
 * stops at the first message that must be handled on its own: a malformed one (it goes to the
 * dead letters) or one whose handler does more than one transaction.
 */
export function leadingSharedRun(messages: readonly KafkaMessage[], handlerOf: (wireType: string) => MessageHandler | null, maxMessages: number): Routed[] {
  const run: Routed[] = [];
  for (const message of messages) {
    if (run.length >= maxMessages) break;
    let handler: MessageHandler | null;
    try {
      handler = handlerOf(routeOf(message).wireType);
    } catch {
      break;
    }
    if (handler && !handler.extras?.['inBatchTransaction']) break;
    run.push({ message, handler });
  }
  return run;
}

/** The message's envelope (already parsed while routing when the header had no type). */
export function envelopeOf(message: KafkaMessage): EventEnvelope {
  return routeOf(message).envelope ?? parseEnvelope(message);
}
