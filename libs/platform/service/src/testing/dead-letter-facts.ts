import { DeadLetterHeaders } from '@bazaar/platform-messaging';
import { TappedMessage } from '@bazaar/platform-testing';

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
