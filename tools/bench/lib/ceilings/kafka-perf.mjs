/**
 * Kafka ceiling: Apache Kafka's own ProducerPerformance (the jars the stack already cached) with
 * acks=all at our real record size, into a throw-away topic with the declared partition count.
 * Once flat out (the throughput ceiling) and once at a fixed rate (the produce latency baseline
 * that end-to-end latency is compared with).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaBrokers, loadStack, paths } from '../../../stack/lib/config.mjs';
import { parseProducerPerformance } from './producer-performance-output.mjs';

const TOOLS_LOG4J = join(paths.kafkaConf, 'tools-log4j2.properties');

export function kafkaLibs() {
  const dir = join(paths.cache, `kafka-${loadStack().kafka.version}`, 'libs');
  return existsSync(dir) ? dir : null;
}

/**
 * @param {{ admin: import('kafkajs').Admin, topic: string, recordSize: number, maxRecords: number,
 *           fixedRate: number, fixedRecords: number, log: (msg: string) => void }} o
 */
export async function kafkaCeiling({ admin, topic, recordSize, maxRecords, fixedRate, fixedRecords, log }) {
  const libs = kafkaLibs();
  if (!libs) return { skipped: 'Kafka jars not cached: run `npm run infra` first' };
  const partitions = loadStack().kafka.defaultPartitions ?? 6;
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  try {
    log(`ProducerPerformance: ${maxRecords} records of ${recordSize} B, acks=all, flat out`);
    const max = await producerPerformance(libs, topic, maxRecords, recordSize, -1);
    log(`ProducerPerformance: ${fixedRecords} records of ${recordSize} B, acks=all, at ${fixedRate}/s`);
    const fixed = await producerPerformance(libs, topic, fixedRecords, recordSize, fixedRate);
    return { topicPartitions: partitions, recordSize, acks: 'all', max, fixedRate: { rate: fixedRate, ...fixed } };
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  }
}

function producerPerformance(libs, topic, records, size, throughput) {
  const args = [
    '-Xmx512m',
    '-cp',
    `${libs}/*`,
    ...(existsSync(TOOLS_LOG4J) ? [`-Dlog4j2.configurationFile=${TOOLS_LOG4J}`] : []),
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    topic,
    '--num-records',
    String(records),
    '--record-size',
    String(size),
    '--throughput',
    String(throughput),
    '--producer-props',
    `bootstrap.servers=${kafkaBrokers().join(',')}`,
    'acks=all',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', (err) => reject(new Error(`cannot run java: ${err.message}`)));
    child.once('exit', (code) => {
      const parsed = code === 0 ? parseProducerPerformance(out) : null;
      if (parsed) resolve(parsed);
      else reject(new Error(`ProducerPerformance exited with ${code}:\n${out.slice(-2000)}`));
    });
  });
}
