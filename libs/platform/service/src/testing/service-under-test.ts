import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Message, RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import {
  caughtUp,
  consumedPast,
  createTestDatabase,
  createTopicNamespace,
  everyMemberHolds,
  testAudience,
  TestDatabase,
  TestIssuer,
  testIssuer,
  TopicNamespace,
  TopicTap,
} from '@bazaar/platform-testing';
import { deadLetterTopic } from '@bazaar/published-language';
import { startService } from '../bootstrap';
import type { Role } from '../access/caller';
import type { ServiceConfig } from '../config';
import { HttpAnswer, request } from './http';
import { ServiceFactory, testConfig } from './test-config';

/** How a test request is authenticated: a caller's role and subject, a raw token, or none. */
export type Credentials = { readonly role: Role | readonly Role[]; readonly subject?: string } | { readonly token: string } | 'anonymous';

/** Unless a test says otherwise, requests come from an administrator (who passes every role rule). */
export const testAdmin = { role: 'admin', subject: 'test-admin' } as const satisfies Credentials;

export interface CallOptions {
  /** JSON-encoded unless a string (sent as it is, to test malformed requests). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly as?: Credentials;
}

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
    /** Issues the tokens the service trusts (it fetches the issuer's keys over HTTP). */
    readonly issuer: TestIssuer,
  ) {}

  static async start(service: ServiceFactory, options: StartOptions = {}): Promise<ServiceUnderTest> {
    const namespace = await createTopicNamespace();
    const database = await createTestDatabase().catch(async (error: unknown) => {
      await namespace.delete();
      throw error;
    });
    const issuer = await testIssuer();
    const config = testConfig(service, namespace, database, { AUTH_ISSUER: issuer.url, AUTH_AUDIENCE: testAudience, ...options.env });
    const started = new ServiceUnderTest(service, namespace, config, database, new Client(database.url), issuer);
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

  /** GET as the test administrator (or `as` someone else). */
  get<TBody = Record<string, unknown>>(path: string, as: Credentials = testAdmin): Promise<HttpAnswer<TBody>> {
    return this.call<TBody>('GET', path, { as });
  }

  /** POSTs JSON as the test administrator (a string body is sent as it is, to test malformed requests). */
  post<TBody = Record<string, unknown>>(path: string, body: unknown, headers: Record<string, string> = {}, as: Credentials = testAdmin): Promise<HttpAnswer<TBody>> {
    return this.call<TBody>('POST', path, { body, headers, as });
  }

  /** DELETE as the test administrator (or `as` someone else). */
  delete<TBody = Record<string, unknown>>(path: string, as: Credentials = testAdmin): Promise<HttpAnswer<TBody>> {
    return this.call<TBody>('DELETE', path, { as });
  }

  /** Any request, with a bearer token for `as` (the test administrator by default). */
  async call<TBody = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<HttpAnswer<TBody>> {
    const { body, as = testAdmin } = options;
    const headers: Record<string, string> = { ...options.headers };
    const token = await this.tokenOf(as);
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (body === undefined) return request(this.firstInstance(), path, { method, headers });
    headers['content-type'] ??= 'application/json';
    return request(this.firstInstance(), path, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  /** A client that sends every request as one caller: `service.as('buyer', 'buyer-1').get('/orders')`. */
  as(role: Role | readonly Role[], subject = `test-${typeof role === 'string' ? role : role.join('-')}`): CallerClient {
    const as: Credentials = { role, subject };
    return {
      subject,
      get: (path) => this.call('GET', path, { as }),
      post: (path, body, headers) => this.call('POST', path, { body, headers, as }),
      call: (method, path, options = {}) => this.call(method, path, { ...options, as }),
    };
  }

  private tokenOf(as: Credentials): Promise<string | undefined> {
    if (as === 'anonymous') return Promise.resolve(undefined);
    if ('token' in as) return Promise.resolve(as.token);
    const roles: readonly string[] = typeof as.role === 'string' ? [as.role] : as.role;
    return this.issuer.token(roles, as.subject ?? `test-${roles.join('-')}`);
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

/** Requests as one caller (see {@link ServiceUnderTest.as}). */
export interface CallerClient {
  readonly subject: string;
  get<TBody = Record<string, unknown>>(path: string): Promise<HttpAnswer<TBody>>;
  post<TBody = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer<TBody>>;
  call<TBody = Record<string, unknown>>(method: string, path: string, options?: Omit<CallOptions, 'as'>): Promise<HttpAnswer<TBody>>;
}
