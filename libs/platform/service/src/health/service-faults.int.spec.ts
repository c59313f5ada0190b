import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestDatabase, createTopicNamespace, eventually, TcpProxy, TestDatabase, TopicNamespace } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { Public } from '../access/access-rule';
import { startService } from '../bootstrap';
import { ServiceConfig } from '../config';
import { request } from '../testing/http';
import { testConfig } from '../testing/test-config';

/** A route that needs the database, as every context's routes do. */
@Public()
@Controller('probe')
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  async probe() {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM outbox')) as { n: number }[];
    return { outbox: row?.n };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

// Borrows Support's name: its dead-letter topic is declared, so the namespace holds one.
const probeService = (config: ServiceConfig) => ({
  definition: { name: 'support', migrations: [], consumes: [Topics.checkoutOrders] },
  config,
  module: ProbeModule,
  openApi: { title: 'probe', description: 'a service for platform specs' },
});

describe('a service whose database or broker fails (real PostgreSQL and Kafka)', () => {
  let namespace: TopicNamespace;
  let database: TestDatabase;
  let proxy: TcpProxy;
  const apps: NestFastifyApplication[] = [];

  async function start(env: Record<string, string>): Promise<NestFastifyApplication> {
    const app = await startService(probeService(testConfig(probeService, namespace, database, env)));
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    namespace = await createTopicNamespace();
    database = await createTestDatabase();
    const url = new URL(database.url);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
  });

  afterEach(async () => {
    await proxy.restore();
    for (const app of apps.splice(0)) await app.close();
  });

  afterAll(async () => {
    await proxy?.stop();
    await database?.drop();
    await namespace?.delete();
  });

  it('answers 503 problem+json with Retry-After while the database refuses connections, is unready, and serves again once it is back', async () => {
    const app = await start({ DATABASE_URL: proxy.through(database.url) });
    expect((await request(app, '/probe', { method: 'GET' })).status).toBe(200);

    await proxy.refuse();

    const refused = await fetch(`${await app.getUrl()}/probe`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
    const ready = await fetch(`${await app.getUrl()}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');

    await proxy.restore();
    await eventually(async () => expect((await request(app, '/probe', { method: 'GET' })).status).toBe(200));
    expect((await request(app, '/health/ready', { method: 'GET' })).status).toBe(200);
  });

  it('answers 503 within its connect timeout when the database accepts connections and never answers', async () => {
    const app = await start({ DATABASE_URL: proxy.through(database.url), DATABASE_CONNECT_TIMEOUT_MS: '300' });
    expect((await request(app, '/probe', { method: 'GET' })).status).toBe(200);

    await proxy.hang();

    const answer = await request<{ code: string }>(app, '/probe', { method: 'GET' });
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('database_unavailable');
  });

  it('stays ready while the broker cannot be reached, and says so on /health/kafka', async () => {
    const app = await start({ KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'silent' });

    expect(await request(app, '/health/ready', { method: 'GET' })).toMatchObject({ status: 200, body: { status: 'up', checks: { database: 'up' } } });
    expect((await request(app, '/probe', { method: 'GET' })).status).toBe(200);
    const kafka = await request<{ status: string; broker: string; consumer: { phase: string } }>(app, '/health/kafka', { method: 'GET' });
    expect(kafka.status).toBe(503);
    expect(kafka.body).toMatchObject({ status: 'down', broker: 'down', deadLetters: { parked: null } });
    expect(['starting', 'down']).toContain(kafka.body.consumer.phase);
  });

  it('reports on /health/kafka a consumer in its group, its partitions, the dead letters and the outbox backlog', async () => {
    const app = await start({});

    const kafka = await eventually(
      async () => {
        const answer = await request<{ status: string }>(app, '/health/kafka', { method: 'GET' });
        expect(answer.status).toBe(200);
        return answer.body;
      },
      { timeoutMs: 30_000 },
    );
    expect(kafka).toMatchObject({
      status: 'up',
      broker: 'up',
      consumer: { phase: 'consuming', stalled: [], restarts: 0, assigned: { [namespace.topic(Topics.checkoutOrders)]: [0, 1, 2] } },
      deadLetters: { topic: namespace.topic('support.dead-letters'), parked: 0, parkedByThisReplica: 0 },
      outboxBacklog: 0,
    });
  });
});
