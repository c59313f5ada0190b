import { readFileSync } from 'node:fs';
import { Kafka, logLevel, SASLOptions } from 'kafkajs';
import { PlatformLogger } from '../logger';

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: PlatformLogger;
  /** SCRAM credentials, for clusters that give every service its own user and ACLs. */
  readonly sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  /** CA certificate file; when set, connections use TLS. */
  readonly caFile?: string;
}

/** A kafkajs client whose own logging goes to the service's structured logger (warnings and up). */
export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    // The CA file's path comes from the service's validated configuration, never from a request.
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    ...(options.caFile ? { ssl: { ca: [readFileSync(options.caFile, 'utf8')] } } : {}),
    ...(options.sasl ? { sasl: options.sasl as SASLOptions } : {}),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
    logCreator: () => (entry) => {
      const line = { msg: entry.log.message, kafka: entry.namespace, ...entry.log };
      if (entry.level <= logLevel.ERROR) options.logger.error(line);
      else options.logger.warn(line);
    },
  });
}

/** The producer the outbox relay uses: idempotent, one request in flight, so retries keep order. */
export function createRelayProducer(kafka: Kafka) {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
}
