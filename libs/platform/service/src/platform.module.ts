import { randomUUID } from 'node:crypto';
import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Kafka, Producer } from 'kafkajs';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource, migrateDatabase, roleOf, RuntimeGrants, Transactions, whileDatabaseUnavailable } from '@bazaar/platform-database';
import { ConsumerStatus, createKafka, createRelayProducer, messagingMigrations, Outbox, OutboxRelay } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { AccessGuard } from './access/access.guard';
import { databaseTls, kafkaSecurity, type ServiceConfig } from './config';
import { HealthController } from './health/health.controller';
import { KafkaHealth } from './health/kafka-health';
import { JsonLogger } from './logger';
import { ServiceMetrics } from './observability/metrics';
import { PeriodicTasks } from './scheduling/periodic-task';
import { KAFKA, SERVICE_CONFIG, SERVICE_DEFINITION, SERVICE_LOGGER, SERVICE_METRICS } from './tokens';

/** What a bounded context tells the platform about itself. */
export interface ServiceDefinition {
  /** The context's name: producer name in envelopes, consumer group, log field. */
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: readonly Function[];
  /** Topics this service consumes; empty for a producer-only service. */
  readonly consumes: readonly string[];
  /** What the runtime role may do to each table (default: SELECT, INSERT, UPDATE, DELETE; docs/data-protection.md). */
  readonly runtimeGrants?: RuntimeGrants;
}

/**
 * How the platform migrates a service's database: as the owner (DATABASE_MIGRATION_URL), then
 * granting the runtime role (DATABASE_URL's user) what the context declares. With one URL for both
 * (a single-role development database) there is nobody to grant to.
 */
export function migrationsOf(definition: ServiceDefinition, config: ServiceConfig) {
  const url = config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL;
  const runtimeRole = roleOf(config.DATABASE_URL);
  return {
    url,
    tls: databaseTls(config),
    applicationName: `${definition.name}-migrate`,
    migrations: [...messagingMigrations, ...definition.migrations] as MixedList<never>,
    ...(runtimeRole !== roleOf(url) ? { runtime: { role: runtimeRole, grants: definition.runtimeGrants } } : {}),
  };
}

/** Database work at start, tried again while the database is unavailable (DATABASE_STARTUP_TIMEOUT_MS), each wait logged. */
export function atStart<T>(config: ServiceConfig, logger: JsonLogger, work: () => Promise<T>): Promise<T> {
  return whileDatabaseUnavailable(work, {
    deadlineMs: config.DATABASE_STARTUP_TIMEOUT_MS,
    onRetry: (error, attempt, delayMs) => logger.warn({ msg: 'database unavailable at start; trying again', attempt, delayMs, error: String(error) }),
  });
}

class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

class RandomUuids extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}

/** Starts the outbox relay once the app is up and stops it, then the pool, on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  #producer: Producer | undefined;
  #relay: OutboxRelay | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  get relay(): OutboxRelay | undefined {
    return this.#relay;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Not connected here: the relay connects it, so a service starts (and serves) while the broker is down.
    this.#producer = createRelayProducer(this.kafka);
    this.#relay = new OutboxRelay({
      dataSource: this.dataSource,
      producer: this.#producer,
      lockKey: 727_100,
      batchSize: this.config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: this.config.OUTBOX_POLL_INTERVAL_MS,
      retentionHours: this.config.OUTBOX_RETENTION_HOURS,
      logger: this.logger,
      metrics: this.metrics,
    });
    const relay = this.#relay;
    this.metrics.readOutboxFrom(() => relay.stats());
    // Events this process wrote are published as soon as their unit of work commits.
    this.outbox.whenCommitted(() => relay.wake());
    await this.#relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.#relay?.stop();
    await this.#producer?.disconnect().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * The runtime every context shares: its database (migrated before anything else touches it), the
 * unit of work, the outbox and its relay, Kafka, clock, ids, logger, periodic tasks and health endpoints.
 */
@Module({})
export class PlatformModule {
  static forService(
    definition: ServiceDefinition,
    config: ServiceConfig,
    logger: JsonLogger,
    metrics = new ServiceMetrics(definition.name, config.KAFKA_CONSUMER_GROUP),
  ): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: SERVICE_METRICS, useValue: metrics },
        { provide: SERVICE_DEFINITION, useValue: definition },
        // Filled by the Kafka transport (bootstrap passes it on); read by /health/kafka and metrics.
        { provide: ConsumerStatus, useValue: metrics.readConsumerFrom(new ConsumerStatus(config.KAFKA_CONSUMER_GROUP)) },
        {
          provide: DataSource,
          useFactory: async () => {
            const migration = migrationsOf(definition, config);
            if (config.MIGRATE_ON_START) await atStart(config, logger, () => migrateDatabase(migration));
            const connect = () => {
              const dataSource = createDataSource({
                url: config.DATABASE_URL,
                applicationName: definition.name,
                tls: databaseTls(config),
                // The outbox relay holds one connection while it runs: the units of work keep all of theirs.
                poolSize: config.DATABASE_POOL_SIZE + 1,
                timeouts: {
                  connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
                  statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
                  idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
                },
                migrations: migration.migrations,
              });
              // A failed start leaves the pool it made: end it before the next attempt makes another.
              return dataSource.initialize().catch(async (error: unknown) => {
                await dataSource.driver.disconnect().catch(() => undefined);
                throw error;
              });
            };
            return atStart(config, logger, connect);
          },
        },
        { provide: Transactions, useFactory: (dataSource: DataSource) => new Transactions(dataSource), inject: [DataSource] },
        { provide: Outbox, useFactory: (transactions: Transactions) => new Outbox(definition.name, config.KAFKA_TOPIC_PREFIX, transactions), inject: [Transactions] },
        { provide: Clock, useValue: new SystemClock() },
        { provide: IdGenerator, useValue: new RandomUuids() },
        { provide: KAFKA, useFactory: () => createKafka({ clientId: definition.name, brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurity(config) }) },
        MessagingLifecycle,
        KafkaHealth,
        PeriodicTasks,
        // Every route of every controller passes it: fail-closed access rules (docs/access.md).
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [
        SERVICE_CONFIG,
        SERVICE_LOGGER,
        SERVICE_METRICS,
        SERVICE_DEFINITION,
        ConsumerStatus,
        KafkaHealth,
        PeriodicTasks,
        DataSource,
        Transactions,
        Outbox,
        Clock,
        IdGenerator,
        KAFKA,
      ],
    };
  }
}
