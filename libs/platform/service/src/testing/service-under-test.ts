import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Message, RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import { caughtUp, consumedPast, createTestDatabase, createTopicNamespace, everyMemberHolds, TestDatabase, TopicNamespace, TopicTap } from '@bazaar/platform-testing';
import { deadLetterTopic } from '@bazaar/published-language';
import { startService } from '../bootstrap';
import type { ServiceConfig } from '../config';
import { HttpAnswer, request } from './http';
import { ServiceFactory, testConfig } from './test-config';

export interface StartOptions {
  /** Replicas to start (default 1). */
  readonly instances?: number;
  /** Settings beyond the test defaults. */
  readonly env?: Record<string, string>;
}

/**
 * A context's real service, as in production but isolated: HTTP on a random port, a throw-away
 * database, and a {@link TopicNamespace} of its own for every topic and consumer group. Replicas
 * (`startInstance`) share the database and the group, as they would when scaled out. `stop()`
 * removes all of it.
 */
export class ServiceUnderTest {
  readonly instances: NestFastifyApplication[] = [];
  #deadLetters: TopicTap | undefined;

  private constructor(
    private readonly service: ServiceFactory,
    readonly namespace: TopicNamespace,
    readonly config: ServiceConfig,
    readonly database: TestDatabase,
    private readonly sql: Client,
  ) {}

  static async start(service: ServiceFactory, options: StartOptions = {}): Promise<ServiceUnderTest> {
    const namespace = await createTopicNamespace();
    const database = await createTestDatabase().catch(async (error: unknown) => {
      await namespace.delete();
      throw error;
    });
    const config = testConfig(service, namespace, database, options.env);
    const started = new ServiceUnderTest(service, namespace, config, database, new Client(database.url));
    try {
      started.#deadLetters = await namespace.tap(deadLetterTopic(config.SERVICE_NAME));
      await started.sql.connect();
      for (let i = 0; i < (options.instances ?? 1); i++) await started.startInstance();
      return started;
    } catch (error) {
      await started.stop();
      throw error;
    }
  }

  /** The service's dead-letter topic, read from its beginning. */
  get deadLetters(): TopicTap {
    if (!this.#deadLetters) throw new Error('the service has not started');
    return this.#deadLetters;
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

  /** Stops every replica and keeps the database and topics (a restart finds its data). */
  async stopInstances(): Promise<void> {
    for (const app of this.instances.splice(0)) await app.close();
  }

  /** Stops the replicas, drops the database and deletes the namespace. */
  async stop(): Promise<void> {
    try {
      await this.stopInstances();
      await this.sql.end().catch(() => undefined);
      await this.database.drop();
    } finally {
      await this.namespace.delete();
    }
  }

  get<TBody = Record<string, unknown>>(path: string): Promise<HttpAnswer<TBody>> {
    return request(this.firstInstance(), path, { method: 'GET' });
  }

  /** POSTs JSON (a string body is sent as it is, to test malformed requests). */
  post<TBody = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<TBody>> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return request(this.firstInstance(), path, { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...headers } });
  }

  delete<TBody = Record<string, unknown>>(path: string): Promise<HttpAnswer<TBody>> {
    return request(this.firstInstance(), path, { method: 'DELETE' });
  }

  /** `SELECT count(*) FROM <fromWhere>` in the service's database. */
  async count(fromWhere: string, params: unknown[] = []): Promise<number> {
    const { rows } = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${fromWhere}`, params);
    return rows[0]?.n ?? 0;
  }

  query<TRow extends object>(sql: string, params: unknown[] = []): Promise<{ rows: TRow[] }> {
    return this.sql.query<TRow>(sql, params);
  }

  /** Produces to a (declared, unprefixed) topic of its namespace. */
  send(topic: string, ...messages: Message[]): Promise<RecordMetadata> {
    return this.namespace.send(topic, ...messages);
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
  sharesPartitionsOf(topic: string): Promise<void> {
    return everyMemberHolds(this.namespace.kafka, this.consumerGroup, this.namespace.topic(topic), this.instances.length);
  }

  private firstInstance(): NestFastifyApplication {
    const [app] = this.instances;
    if (!app) throw new Error('the service is not running');
    return app;
  }
}
