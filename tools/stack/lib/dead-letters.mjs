/**
 * Inspecting and replaying a context's dead letters. `list` reads the whole dead-letter topic
 * without moving anything; `replay` sends each parked message back to the topic it came from (its
 * original key, value and headers, minus the dead-letter ones) exactly once per message, tracked by
 * a consumer group of its own. Replaying is safe: consumers deduplicate by event id, so a message
 * that succeeded meanwhile changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { kafkaBrokers } from './config.mjs';
import { dep } from './deps.mjs';
import { ok, step } from './log.mjs';

const DLT_PREFIX = 'bazaar-dlt-';

/** @param {string} context @param {{ replay: boolean }} o */
export async function deadLetters(context, { replay }) {
  const { Kafka, logLevel } = dep('kafkajs');
  const kafka = new Kafka({ clientId: 'bazaar-dead-letters', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = `${context}.dead-letters`;
  const groupId = replay ? `${context}.dead-letters.replay` : `dead-letters-list-${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  const committed = replay ? ((await admin.fetchOffsets({ groupId, topics: [topic] }))[0]?.partitions ?? []) : [];
  const pending = ends.filter((end) => {
    const position = committed.find((p) => p.partition === end.partition)?.offset;
    const from = position && position !== '-1' ? BigInt(position) : BigInt(end.low);
    return from < BigInt(end.high);
  });
  if (pending.length === 0) {
    if (!replay) await admin.deleteGroups([groupId]).catch(() => {});
    await admin.disconnect();
    ok(`${topic}: nothing ${replay ? 'left to replay' : 'parked'}`);
    return;
  }
  const existing = new Set(await admin.listTopics());
  const producer = replay ? kafka.producer({ allowAutoTopicCreation: false }) : undefined;
  await producer?.connect();
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const remaining = new Map(pending.map((end) => [end.partition, BigInt(end.high)]));
  let count = 0;
  let skipped = 0;
  await new Promise((resolve, reject) => {
    consumer
      .run({
        autoCommit: replay,
        eachMessage: async ({ partition, message }) => {
          const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString()]));
          const source = headers[`${DLT_PREFIX}source-topic`];
          if (replay && !existing.has(source)) {
            skipped += 1;
            step(`skipped ${topic}[${partition}]@${message.offset}: its source topic ${source} no longer exists`);
          } else if (replay) {
            const original = Object.fromEntries(Object.entries(message.headers ?? {}).filter(([k]) => !k.startsWith(DLT_PREFIX)));
            await producer.send({ topic: source, acks: -1, messages: [{ key: message.key, value: message.value, headers: original }] });
          }
          count += 1;
          step(
            `${replay ? 'replayed' : 'parked'} ${topic}[${partition}]@${message.offset} key=${message.key?.toString() ?? '-'} ` +
              `from ${headers[`${DLT_PREFIX}source-topic`]}@${headers[`${DLT_PREFIX}source-offset`]} ` +
              `${headers[`${DLT_PREFIX}error-type`]}: ${headers[`${DLT_PREFIX}error`]}`,
          );
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
          if (remaining.size === 0) resolve(undefined);
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  await producer?.disconnect();
  if (!replay) await admin.deleteGroups([groupId]).catch(() => {});
  await admin.disconnect();
  ok(`${topic}: ${replay ? `${count - skipped} message(s) replayed onto their source topics, ${skipped} skipped` : `${count} message(s) parked`}`);
}
