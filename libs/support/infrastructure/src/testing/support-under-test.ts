import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Producer } from 'kafkajs';
import { EventEnvelope } from '@bazaar/published-language';
import { serviceConfigSchema, startService } from '@bazaar/platform-service';
import { supportMigrations } from '../persistence/migrations/support-migrations';
import { SupportModule } from '../support.module';
import { asKafkaMessage } from './published-events';

export interface SupportUnderTest {
  readonly databaseUrl: string;
  /** The suffixed topics from `createTestTopics`: checkout orders, fulfillment shipments, finance ledgers. */
  readonly topics: readonly string[];
  readonly groupId: string;
}

/** The real Support service on an ephemeral port, its own database, topics and consumer group. */
export function startSupport(options: SupportUnderTest): Promise<NestFastifyApplication> {
  const config = serviceConfigSchema({ name: 'support', port: 0 }).parse({
    DATABASE_URL: options.databaseUrl,
    KAFKA_CONSUMER_GROUP: options.groupId,
    LOG_LEVEL: 'error',
    CONSUMER_INITIAL_BACKOFF_MS: '20',
    CONSUMER_MAX_BACKOFF_MS: '200',
  });
  return startService({
    definition: { name: 'support', migrations: supportMigrations, consumes: options.topics },
    config,
    module: SupportModule,
    openApi: { title: 'Support under test', description: 'integration test' },
  });
}

/** What GET /case-order-views/:orderId answers. */
export async function caseOrderView(app: NestFastifyApplication, orderId: string) {
  const response = await app.inject({ method: 'GET', url: `/case-order-views/${orderId}` });
  return { status: response.statusCode, contentType: response.headers['content-type'], body: response.json() };
}

export async function publish(producer: Producer, topic: string, envelope: EventEnvelope, partition?: number): Promise<void> {
  await producer.send({ topic, messages: [{ ...asKafkaMessage(envelope), ...(partition === undefined ? {} : { partition }) }] });
}
