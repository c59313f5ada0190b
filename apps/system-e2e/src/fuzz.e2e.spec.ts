import fc from 'fast-check';
import { Client } from 'pg';
import { BadRequest, badRequests, OpenApiDocument, Route, routesOf } from './support/fuzz';
import { http } from './support/http';
import { ServiceName, System } from './support/system';

/**
 * Bad requests generated from the services' own OpenAPI documents, sent to the running services:
 * a body broken in one way its schema forbids, a path or query parameter no route takes, JSON that
 * is not JSON or nests too deep, a body too large, a content type nobody reads. None may cost a 5xx
 * or a stall, every refusal is problem+json, and nothing is written anywhere: the row counts of
 * every table of every context and the end of every topic are the same afterwards.
 *
 * `FUZZ_REQUESTS` sets the size (400 in `npm test`; `npm run fuzz` sends 10,000); `FUZZ_SEED`
 * replays a run (the seed is printed).
 */
const requests = Number(process.env['FUZZ_REQUESTS'] ?? 400);
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const services: readonly ServiceName[] = ['checkout', 'fulfillment', 'finance', 'support'];

jest.setTimeout(Math.max(180_000, requests * 60));

describe(`Hostile requests against every route (${requests} of them, seed ${seed})`, () => {
  let system: System;
  let routes: Route[];

  beforeAll(async () => {
    system = await System.start();
    routes = [];
    for (const service of services) {
      const document = await http<OpenApiDocument>('GET', `${system.url(service)}/docs/openapi.json`);
      routes.push(...routesOf(service, document.body));
    }
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers each with a 4xx problem (a read may answer 200), never a 5xx, and writes nothing', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const before = await footprint(system);
    const sample = fc.sample(fc.oneof(...routes.map(badRequests)), { numRuns: requests, seed });
    // As an admin, whom every rule lets in: the requests reach the routes' own validation.
    const token = await system.token('admin', 'fuzz-admin');

    const answers = await inParallel(sample, 8, (request) => send(system.url(request.route.service as ServiceName), request, token));

    const wrong = answers.filter(
      ({ request, status, contentType, length }) =>
        status >= 500 || status < 200 || (status < 400 && request.method !== 'GET') || (status >= 400 && !contentType.startsWith('application/problem+json')) || length > 4096,
    );
    console.log(`fuzz: ${answers.length} requests over ${routes.length} routes, seed ${seed}; by status ${JSON.stringify(countBy(answers.map((a) => a.status)))}`);
    expect(wrong.slice(0, 10).map(explain)).toEqual([]);
    expect(new Set(answers.map((a) => `${a.request.method} ${a.request.route.path}`)).size).toBe(routes.length);
    expect(await footprint(system)).toEqual(before);
  });
});

interface Answer {
  readonly request: BadRequest;
  readonly status: number;
  readonly contentType: string;
  readonly length: number;
}

async function send(baseUrl: string, request: BadRequest, token: string): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}${request.target}`, {
      method: request.method,
      headers: { ...request.headers, authorization: `Bearer ${token}` },
      body: request.body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { request, status: response.status, contentType: response.headers.get('content-type') ?? '', length: text.length };
  } catch (error) {
    // A stall (the timeout) or a dropped connection: neither is an answer.
    return { request, status: 0, contentType: String(error), length: 0 };
  }
}

function explain({ request, status, contentType, length }: Answer): string {
  return `${request.method} ${request.route.service}${request.target.slice(0, 120)} [${request.mutation.slice(0, 120)}] → ${status} ${contentType} (${length} bytes)`;
}

/** Row counts of every table of every context, and the end offsets of every topic of the system. */
async function footprint(system: System): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const [name, database] of system.databases) {
    // As the database's owner: the runtime role may not read the migrations table.
    const client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
      );
      for (const { name: table } of tables.rows) {
        const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
        counts[`${name}:${table}`] = result.rows[0]!.count;
      }
    } finally {
      await client.end();
    }
  }
  const admin = system.kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(system.topics.prefix));
    for (const topic of topics.sort()) {
      const offsets = await admin.fetchTopicOffsets(topic);
      counts[`topic:${topic}`] = offsets.map((o) => o.high).join(',');
    }
  } finally {
    await admin.disconnect();
  }
  return counts;
}

async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

function countBy(values: readonly number[]): Record<string, number> {
  return values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
}
