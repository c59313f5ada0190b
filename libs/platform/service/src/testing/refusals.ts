import { Message } from 'kafkajs';
import { DeadLetterHeaders } from '@bazaar/platform-messaging';
import { TappedMessage } from '@bazaar/platform-testing';
import { ServiceUnderTest } from './service-under-test';

/** What a consumer recorded on a message it dead-lettered (its {@link DeadLetterHeaders}), by name. */
export function deadLetterFacts(letter: TappedMessage) {
  const header = (name: string) => letter.headers[name];
  return {
    error: header(DeadLetterHeaders.error),
    errorType: header(DeadLetterHeaders.errorType),
    sourceTopic: header(DeadLetterHeaders.sourceTopic),
    sourcePartition: Number(header(DeadLetterHeaders.sourcePartition)),
    sourceOffset: header(DeadLetterHeaders.sourceOffset),
    consumerGroup: header(DeadLetterHeaders.consumerGroup),
    attempts: Number(header(DeadLetterHeaders.attempts)),
  };
}

export interface Refusal {
  /** The declared (unprefixed) topic the service consumes. */
  readonly topic: string;
  /** A message the service must refuse; its key must be new to the test. */
  readonly refused: Message & { key: string };
  /** Why: what the dead letter must say (error type, message pattern, attempts…). */
  readonly because: Partial<ReturnType<typeof deadLetterFacts>>;
  /** A valid message sent right after it, with the same key: the next one on the partition. */
  readonly next: Message;
}

/**
 * Sends a message the service must refuse and then the next one on its partition, and expects
 * exactly one dead letter for it, keeping its body and saying where it came from and why.
 * Answers the dead letter; the caller checks that `next` took effect (the partition moved on).
 */
export async function expectDeadLettered(service: ServiceUnderTest, refusal: Refusal): Promise<TappedMessage> {
  const refused = await service.send(refusal.topic, refusal.refused);
  const next = await service.send(refusal.topic, refusal.next);

  const [letter, ...more] = await service.deadLetters.waitFor((parked) => parked.key === refusal.refused.key);
  expect(more).toEqual([]);
  expect(letter?.value).toBe(refusal.refused.value?.toString());
  expect(deadLetterFacts(letter as TappedMessage)).toMatchObject({
    ...refusal.because,
    sourceTopic: service.namespace.topic(refusal.topic),
    sourcePartition: refused.partition,
    sourceOffset: refused.baseOffset,
    consumerGroup: service.consumerGroup,
  });
  expect(next.partition).toBe(refused.partition);
  return letter as TappedMessage;
}
