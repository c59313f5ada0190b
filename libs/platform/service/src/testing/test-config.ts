import { TestDatabase, testInfrastructure, TopicNamespace } from '@bazaar/platform-testing';
import type { ServiceOptions } from '../bootstrap';
import { ServiceConfig, serviceConfigSchema } from '../config';

/** How a context builds its service from the platform's settings; its app and its tests start the same thing. */
export type ServiceFactory = (config: ServiceConfig) => ServiceOptions;

/**
 * Quick retries and outbox polls, so tests wait for effects briefly; errors only in the logs. Rate
 * limits are high enough that no spec is throttled by accident, and every service under test counts
 * in buckets of its own (its namespace's key prefix); a spec about limits sets them low.
 */
export function testConfig(service: ServiceFactory, namespace: TopicNamespace, database: TestDatabase, env: Record<string, string> = {}): ServiceConfig {
  const configOf = (name: string) =>
    serviceConfigSchema({ name, port: 0 }).parse({
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      DATABASE_MIGRATION_URL: database.ownerUrl,
      DATABASE_POOL_SIZE: '4',
      KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: namespace.prefix,
      KAFKA_CONSUMER_GROUP: namespace.group(name),
      CONSUMER_INITIAL_BACKOFF_MS: '20',
      CONSUMER_MAX_BACKOFF_MS: '200',
      OUTBOX_POLL_INTERVAL_MS: '100',
      RATE_LIMIT_KEY_PREFIX: `${namespace.prefix}rate-limit:`,
      RATE_LIMIT_WRITE_POINTS: '1000000',
      RATE_LIMIT_READ_POINTS: '1000000',
      ...env,
    });
  // The service names itself in its definition; building it is cheap and has no effects.
  return configOf(service(configOf('service-under-test')).definition.name);
}
