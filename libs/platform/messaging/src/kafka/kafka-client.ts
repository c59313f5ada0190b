import { readFileSync } from 'node:fs';
import type { ConnectionOptions, SecureVersion } from 'node:tls';
import { Kafka, logLevel, SASLOptions } from 'kafkajs';
import { PlatformLogger } from '../logger';
import { stopIdleRequestQueueTimers } from './kafkajs-idle-timers';

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: PlatformLogger;
  /** SCRAM credentials, for clusters that give every service its own user and ACLs. */
  readonly sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  /** CA certificate file; when set, connections use TLS 1.3 or later, the brokers' certificates verified against it. */
  readonly caFile?: string;
}

/** Never an older TLS with the brokers: 1.3 drops the legacy ciphers and renegotiation. */
export const KAFKA_TLS_MIN_VERSION: SecureVersion = 'TLSv1.3';

/** kafkajs' `ssl` option: the CA pinned, the certificate and its name verified, TLS 1.3 at least. */
export function kafkaTls(caFile: string): ConnectionOptions {
  // The CA file's path comes from the service's validated configuration, never from a request.
  // eslint-disable-next-line security/detect-non-literal-fs-filename
  return { ca: [readFileSync(caFile, 'utf8')], rejectUnauthorized: true, minVersion: KAFKA_TLS_MIN_VERSION };
}

/**
 * A kafkajs client whose own logging goes to the service's structured logger (warnings and up),
 * its connections without kafkajs' idle 1 ms timers ({@link stopIdleRequestQueueTimers}).
 */
export function createKafka(options: KafkaClientOptions): Kafka {
  if (options.sasl && !options.caFile) throw new Error('Invalid configuration: SASL needs TLS (a CA file): credentials never travel in clear');
  stopIdleRequestQueueTimers();
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(options.caFile ? { ssl: kafkaTls(options.caFile) } : {}),
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
