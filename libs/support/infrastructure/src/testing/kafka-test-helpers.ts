import { Kafka } from 'kafkajs';
import { DeadLetterHeaders, headerValue } from '@bazaar/platform-messaging';
import { deadLetterTopic } from '@bazaar/published-language';
import { eventually, uniqueName } from '@bazaar/platform-testing';

/** Reads Support's (shared) dead-letter topic from the start, keeping only letters from this test's topic. */
export async function deadLettersFrom(kafka: Kafka, sourceTopic: string, expected: number) {
  const letters: { error: string; errorType: string }[] = [];
  const groupId = uniqueName('support-dead-letter-reader');
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: deadLetterTopic('support'), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (headerValue(message.headers, DeadLetterHeaders.sourceTopic) !== sourceTopic) return;
      letters.push({ error: headerValue(message.headers, DeadLetterHeaders.error) ?? '', errorType: headerValue(message.headers, DeadLetterHeaders.errorType) ?? '' });
    },
  });
  try {
    await eventually(() => expect(letters).toHaveLength(expected), { timeoutMs: 30_000 });
    return letters;
  } finally {
    await consumer.disconnect();
    await deleteGroups(kafka, [groupId]);
  }
}

/** Removes consumer groups this test created (the service's and readers'). */
export async function deleteGroups(kafka: Kafka, groupIds: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups(groupIds).catch(() => undefined);
  await admin.disconnect();
}
