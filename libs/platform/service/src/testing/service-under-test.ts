import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import {
  caughtUp,
  consumedPast,
  createTestDatabase,
  eventually,
  partitionsHeld,
  TestDatabase,
  testInfrastructure,
  TopicNamespace,
} from '@bazaar/platform-testing';
import { ServiceOptions, startService } from '../bootstrap';
import { ServiceConfig, serviceConfigSchema } from '../config';

/** How a context builds its service from the platform's settings; its app and its tests start the same thing. */
export type ServiceFactory = (config: ServiceConfig) => ServiceOptions;

export interface HttpAnswer<TBody> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: TBody;
}

/**
 * A context's real service, as in production but isolated: HTTP on a random port, a throw-away
 * database, and every topic and its consumer group inside one {@link TopicNamespace}. Replicas
 * (`startInstance`) share the database and the group, as they would when scaled out.
 */
export class ServiceUnderTest {
  readonly instances: NestFastifyApplication[] = [];

  private constructor(
    private readonly service: ServiceFactory,
    private readonly namespace: TopicNamespace,
    readonly config: ServiceConfig,
    readonly database: TestDatabase,
    private readonly sql: Client,
  ) {}

  static async start(service: ServiceFactory, namespace: TopicNamespace, options: { instances?: number; env?: Record<string, string> } = {}) {
    const database = await createTestDatabase();
    const sql = new Client({ connectionString: database.url });
    const started = new ServiceUnderTest(service, namespace, testConfig(service, namespace, database, options.env), database, sql);
    try {
      await sql.connect();
      for (let i = 0; i < (options.instances ?? 1); i++) await started.startInstance();
      return started;
    } catch (error) {
      await started.stop();
      throw error;
    }
  }

  get consumerGroup(): string {
    return this.config.KAFKA_CONSUMER_GROUP;
  }

  /** One more replica: same database, same consumer group. */
  async startInstance(): Promise<NestFastifyApplication> {
    const app = await startService(this.service(this.config));
    this.instances.push(app);
    return app;
  }

  /** Stops every replica and keeps the database (a restart finds its data). */
  async stopInstances(): Promise<void> {
    for (const app of this.instances.splice(0)) await app.close();
  }

  /** Stops the replicas and drops the database. */
  async stop(): Promise<void> {
    await this.stopInstances();
    await this.sql.end().catch(() => undefined);
    await this.database.drop();
  }

  get<TBody = Record<string, unknown>>(path: string): Promise<HttpAnswer<TBody>> {
    return this.request(path, { method: 'GET' });
  }

  /** POSTs JSON (a string body is sent as it is, to test malformed requests). */
  post<TBody = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<TBody>> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return this.request(path, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...headers } });
  }

  /** `SELECT count(*) FROM <fromWhere>` in the service's database. */
  async count(fromWhere: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${fromWhere}`, params);
    return rows[0]?.n ?? 0;
  }

  query<TRow extends object>(sql: string, params: unknown[] = []): Promise<{ rows: TRow[] }> {
    return this.sql.query<TRow>(sql, params);
  }

  /** Waits until the service has handled (and committed) the message `sent`. */
  consumedPast(sent: RecordMetadata): Promise<void> {
    return consumedPast(this.namespace.kafka, this.consumerGroup, sent);
  }

  /** Waits until the service has handled everything on a (declared, unprefixed) topic. */
  caughtUp(topic: string): Promise<void> {
    return caughtUp(this.namespace.kafka, this.consumerGroup, this.namespace.topic(topic));
  }

  /** Waits until every running instance holds some partitions of a (declared, unprefixed) topic: the group has balanced. */
  async sharesPartitionsOf(topic: string): Promise<void> {
    await eventually(
      async () => {
        const held = await partitionsHeld(this.namespace.kafka, this.consumerGroup, this.namespace.topic(topic));
        if (held.length !== this.instances.length || held.some((partitions) => partitions.length === 0)) {
          throw new Error(`${this.instances.length} instances hold ${JSON.stringify(held)} of ${topic}`);
        }
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }

  private async request<TBody>(path: string, init: RequestInit): Promise<HttpAnswer<TBody>> {
    const [app] = this.instances;
    if (!app) throw new Error('the service is not running');
    const response = await fetch(`${await app.getUrl()}${path}`, init);
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: (text ? JSON.parse(text) : {}) as TBody };
  }
}

/** Quick retries and outbox polls, so tests wait for effects briefly; errors only in the logs. */
function testConfig(service: ServiceFactory, namespace: TopicNamespace, database: TestDatabase, env: Record<string, string> = {}): ServiceConfig {
  const configOf = (name: string) =>
    serviceConfigSchema({ name, port: 0 }).parse({
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '4',
      KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: namespace.prefix,
      KAFKA_CONSUMER_GROUP: namespace.group(name),
      CONSUMER_INITIAL_BACKOFF_MS: '20',
      CONSUMER_MAX_BACKOFF_MS: '200',
      OUTBOX_POLL_INTERVAL_MS: '100',
      ...env,
    });
  // The service names itself in its definition; building it is cheap and has no effects.
  return configOf(service(configOf('service-under-test')).definition.name);
}
