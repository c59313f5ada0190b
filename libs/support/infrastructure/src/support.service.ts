import { Kafka } from 'kafkajs';
import { consumedTopics } from '@bazaar/platform-messaging';
import { migrationsOf, prefixedTopic, ServiceConfig, ServiceOptions } from '@bazaar/platform-service';
import { BuyerKeysConsumer } from './messaging/buyer-keys.consumer';
import { PublishedEventsConsumer } from './messaging/published-events.consumer';
import { supportMigrations } from './persistence/migrations';
import { rebuildCaseOrderViews, RebuildReport } from './rebuild/rebuild-case-order-views';
import { SupportModule } from './support.module';
import { defaultSupportSettings, SupportSettings } from './support-settings';

/** Everything the platform needs to run Support; the app and the integration tests start the same service. */
export function supportService(config: ServiceConfig, settings: SupportSettings = defaultSupportSettings): ServiceOptions {
  return {
    definition: { name: 'support', migrations: supportMigrations, consumes: consumedTopics(PublishedEventsConsumer, BuyerKeysConsumer) },
    config,
    module: SupportModule.with(settings),
    openApi: { title: 'Bazaar Support', description: 'The support view of every order, projected from all published events, and the support cases agents open about them.' },
  };
}

/**
 * Rewinds the projection of the Support that `config` describes (its database, group and topics); run it with the service stopped.
 * It migrates first, so it connects as the owner (DATABASE_MIGRATION_URL) and grants the runtime role as a migration run does.
 */
export function rebuildSupport(config: ServiceConfig, kafka: Kafka, membersGoneWithinMs?: number): Promise<RebuildReport> {
  const { url, runtime, tls } = migrationsOf(supportService(config).definition, config);
  return rebuildCaseOrderViews({
    membersGoneWithinMs,
    databaseUrl: url,
    runtime,
    tls,
    kafka,
    groupId: config.KAFKA_CONSUMER_GROUP,
    // The projection's topics only: the buyers' keys (a compacted topic, idempotent) stay where they are.
    topics: consumedTopics(PublishedEventsConsumer).map((topic) => prefixedTopic(config, topic)),
  });
}
