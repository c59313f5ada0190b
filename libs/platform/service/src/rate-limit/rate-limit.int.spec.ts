import { Controller, Get, Module, Post } from '@nestjs/common';
import { Topics } from '@bazaar/published-language';
import { ServiceConfig } from '../config';
import { Allow, Public } from '../access/access-rule';
import { scrapeMetrics, sumOf } from '../testing/metrics';
import { ServiceUnderTest } from '../testing/service-under-test';

@Controller('things')
class ThingsController {
  @Post()
  @Allow('buyer')
  create() {
    return { created: true };
  }

  @Get()
  @Allow('buyer')
  list() {
    return { things: [] };
  }

  /** A route that needs no token: its callers are told apart by their address. */
  @Post('open')
  @Public()
  createOpenly() {
    return { created: true };
  }
}

@Module({ controllers: [ThingsController] })
class ProbeModule {}

// Borrows Support's name: its dead-letter topic is declared, so the namespace holds one.
const probeService = (config: ServiceConfig) => ({
  definition: { name: 'support', migrations: [], consumes: [Topics.checkoutOrders] },
  config,
  module: ProbeModule,
  openApi: { title: 'probe', description: 'a service for platform specs' },
});

const limits = { RATE_LIMIT_WRITE_POINTS: '3', RATE_LIMIT_READ_POINTS: '5', RATE_LIMIT_WRITE_DURATION_S: '60', RATE_LIMIT_READ_DURATION_S: '60' };

describe('rate limits per caller and route class (real Redis)', () => {
  let service: ServiceUnderTest;
  /** As the buyer `subject` (a verified token), or with no token at all. */
  const call = (method: 'GET' | 'POST', path: string, subject?: string) =>
    service.call<Record<string, unknown>>(method, path, { as: subject ? { role: 'buyer', subject } : 'anonymous' });

  beforeAll(async () => {
    service = await ServiceUnderTest.start(probeService, { env: limits });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves a caller within the limit, every answer saying what is left', async () => {
    const answers = [await call('POST', '/things', 'ada'), await call('POST', '/things', 'ada'), await call('POST', '/things', 'ada')];
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(answers[0]?.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]?.headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(Number(answers[0]?.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
  });

  it('refuses the caller past the limit with 429 problem, Retry-After and the RateLimit fields, and counts it', async () => {
    for (let i = 0; i < 3; i++) expect((await call('POST', '/things', 'linus')).status).toBe(201);
    const before = sumOf(await scrapeMetrics(service.instances[0]!), 'bazaar_rate_limit_rejected_total', { route_class: 'write' });
    const refused = await call('POST', '/things', 'linus');

    expect(refused.status).toBe(429);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'too_many_requests' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('3');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect(sumOf(await scrapeMetrics(service.instances[0]!), 'bazaar_rate_limit_rejected_total', { route_class: 'write' })).toBe(before + 1);
  });

  it('keeps a bucket per caller and per route class: another caller writes, the same caller still reads', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/things', 'barbara');
    expect((await call('POST', '/things', 'barbara')).status).toBe(429);
    expect((await call('POST', '/things', 'grace')).status).toBe(201);
    const read = await call('GET', '/things', 'barbara');
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit-limit')).toBe('5');
  });

  it('counts a request without a caller (a route that needs no token) by its client address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('POST', '/things/open')).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('never limits the probes', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => call('GET', '/health/live', 'ada')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(answers[0]?.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('rate limits when Redis cannot be reached', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, every connection is refused.
    service = await ServiceUnderTest.start(probeService, { env: { ...limits, REDIS_URL: 'redis://127.0.0.1:1' } });
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves every request (fail open) and counts each one it could not check', async () => {
    const app = service.instances[0]!;
    const before = sumOf(await scrapeMetrics(app), 'bazaar_rate_limit_fail_open_total', { route_class: 'write' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await service.call('POST', '/things', { as: { role: 'buyer', subject: 'ada' } })).status);

    expect(statuses).toEqual(Array(6).fill(201));
    expect(sumOf(await scrapeMetrics(app), 'bazaar_rate_limit_fail_open_total', { route_class: 'write' })).toBe(before + 6);
  });
});
