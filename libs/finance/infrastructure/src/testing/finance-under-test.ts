import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { serviceConfigSchema, startService } from '@bazaar/platform-service';
import { testInfrastructure } from '@bazaar/platform-testing';
import { financeService } from '../finance.service';

/** The real Finance service on a random port, its own database, a test topic and consumer group. */
export function startFinance(options: { databaseUrl: string; checkoutOrdersTopic: string; consumerGroup: string }): Promise<NestFastifyApplication> {
  const config = serviceConfigSchema({ name: 'finance', port: 0 }).parse({
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
    KAFKA_CONSUMER_GROUP: options.consumerGroup,
    CONSUMER_INITIAL_BACKOFF_MS: '20',
    OUTBOX_POLL_INTERVAL_MS: '100',
  });
  return startService(financeService({ ...config, CHECKOUT_ORDERS_TOPIC: options.checkoutOrdersTopic }));
}
