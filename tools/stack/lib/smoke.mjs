/**
 * Proves the client the services use (kafkajs) works against our broker:
 * admin createTopics, produce with acks=-1, idempotent and transactional
 * produce, consumer-group join, offset commit and fetch. Uses a throwaway
 * topic and group and deletes both.
 */
import { randomUUID } from 'node:crypto';
import { kafkaBrokers } from './config.mjs';
import { dep } from './deps.mjs';
import { StackError, ok, step } from './log.mjs';

export async function kafkaSmoke() {
  const { Kafka, Partitioners, logLevel } = dep('kafkajs');
  // Quiet: on a fresh broker kafkajs logs (and retries) "coordinator loading" while
  // __consumer_offsets and __transaction_state are created. Real failures still throw.
  const kafka = new Kafka({ clientId: 'bazaar-smoke', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = `bazaar.smoke.${randomUUID().slice(0, 8)}`;
  const groupId = `${topic}.group`;
  const admin = kafka.admin();
  const createPartitioner = Partitioners.DefaultPartitioner;
  const producer = kafka.producer({ createPartitioner, idempotent: true, maxInFlightRequests: 1 });
  const txProducer = kafka.producer({ createPartitioner, transactionalId: `${topic}.tx`, idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId });
  try {
    await admin.connect();
    const { brokers, clusterId } = await admin.describeCluster();
    step(`cluster ${clusterId}, ${brokers.length} broker(s)`);
    if (!(await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true }))) {
      throw new StackError(`createTopics(${topic}) reported no topic created`);
    }
    ok(`admin.createTopics ${topic}`);

    await producer.connect();
    const [plain] = await producer.send({ topic, acks: -1, messages: [{ key: 'order-1', value: 'plain' }] });
    ok(`produce acks=-1 (idempotent): partition ${plain.partition} offset ${plain.baseOffset}`);

    await txProducer.connect();
    const tx = await txProducer.transaction();
    await tx.send({ topic, acks: -1, messages: [{ key: 'order-1', value: 'transactional' }] });
    await tx.commit();
    ok('transactional produce committed');

    const seen = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new StackError(`consumed ${seen.length}/2 messages in 30s`)), 30_000);
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          seen.push(message.value.toString());
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          if (seen.length === 2) (clearTimeout(timer), resolve());
        },
      });
    });
    await done;
    ok(`consumer group ${groupId} joined and consumed [${seen.join(', ')}]`);

    const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = partitions.filter((p) => p.offset !== '-1');
    if (committed.length === 0) throw new StackError('no committed offsets found');
    ok(`committed offsets: ${committed.map((p) => `p${p.partition}@${p.offset}`).join(', ')}`);
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await txProducer.disconnect().catch(() => {});
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}
