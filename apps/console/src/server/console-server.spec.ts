import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleConfig, ConsoleConfigInvalid, loadConsoleConfig } from './config';
import { createConsoleServer } from './console-server';
import { DevTokenSource } from './dev-tokens';

/** A stand-in service that records what reached it and answers as told. */
async function aService(answer: (request: IncomingMessage, body: string) => { status: number; body: unknown; headers?: Record<string, string> }) {
  const seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    seen.push({ method: request.method, url: request.url, headers: request.headers, body });
    const reply = answer(request, body);
    response.writeHead(reply.status, { 'content-type': 'application/json', 'x-internal': 'secret', ...reply.headers }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function started(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('The console server', () => {
  const servers: Server[] = [];
  let staticDir: string;

  beforeAll(() => {
    staticDir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function aConsole(overrides: Partial<ConsoleConfig> = {}, tokens: DevTokenSource = async () => 'unused') {
    const checkout = await aService((request) => ({ status: request.url?.includes('missing') ? 404 : 201, body: { orderId: 'o-1' }, headers: { 'retry-after': '3' } }));
    servers.push(checkout.server);
    const config = loadConsoleConfig({ CHECKOUT_URL: checkout.url, SUPPORT_URL: 'http://127.0.0.1:1' }, staticDir);
    const console = createConsoleServer({ ...config, ...overrides }, tokens);
    servers.push(console);
    return { url: await started(console), checkout };
  }

  it('passes /api/<context>/… on to that service, with the method, query, body and bearer token, and answers what the service answered', async () => {
    const { url, checkout } = await aConsole();

    const answer = await fetch(`${url}/api/checkout/orders?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json', cookie: 'session=1' },
      body: JSON.stringify({ buyerId: 'b-1' }),
    });

    expect([answer.status, await answer.json(), answer.headers.get('retry-after'), answer.headers.get('x-internal')]).toEqual([201, { orderId: 'o-1' }, '3', null]);
    expect(checkout.seen).toEqual([expect.objectContaining({ method: 'POST', url: '/orders?x=1', body: '{"buyerId":"b-1"}' })]);
    expect(checkout.seen[0]!.headers).toMatchObject({ authorization: 'Bearer abc' });
    expect(checkout.seen[0]!.headers['cookie']).toBeUndefined();
  });

  it("answers a service's refusal as it is, and 502 problem+json when the service is unreachable", async () => {
    const { url } = await aConsole();

    const refused = await fetch(`${url}/api/checkout/orders/missing`);
    const unreachable = await fetch(`${url}/api/support/case-order-views/x`);
    const unknown = await fetch(`${url}/api/legacy/anything`);

    expect(refused.status).toBe(404);
    expect([unreachable.status, unreachable.headers.get('content-type'), (await unreachable.json()).code]).toEqual([502, 'application/problem+json', 'service_unavailable']);
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'unknown_context']);
  });

  it('serves the app: files as they are, index.html for the app’s own paths, 404 for a missing file', async () => {
    const { url } = await aConsole();

    const [asset, page, missing] = await Promise.all([fetch(`${url}/assets/app-1234.js`), fetch(`${url}/orders`), fetch(`${url}/assets/nope.js`)]);

    expect([asset.status, asset.headers.get('cache-control'), await asset.text()]).toEqual([200, 'public, max-age=31536000, immutable', 'console.log(1)']);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>console</title>']);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(missing.status).toBe(404);
  });

  it('signs in for development only when enabled, with the token the source gives for the role', async () => {
    const off = await aConsole();
    const on = await aConsole({ devTokens: true }, async (role, subject) => `token-for-${role}-${subject}`);
    const signIn = (base: string, body: unknown) => fetch(`${base}/auth/dev-token`, { method: 'POST', body: JSON.stringify(body) });

    expect((await signIn(off.url, { role: 'support' })).status).toBe(404);
    expect(await (await signIn(on.url, { role: 'support' })).json()).toEqual({ role: 'support', subject: 'console-support', token: 'token-for-support-console-support' });
    expect((await signIn(on.url, { role: 'root' })).status).toBe(400);
  });
});

describe('The console configuration', () => {
  it('defaults to port 3000, the services on their local ports, and no development sign-in', () => {
    const config = loadConsoleConfig({}, '/srv/public');
    expect({ ...config, issuer: config.issuer.origin, upstreams: Object.fromEntries(Object.entries(config.upstreams).map(([name, url]) => [name, url.origin])) }).toEqual({
      host: '127.0.0.1',
      port: 3000,
      upstreams: { checkout: 'http://127.0.0.1:3001', fulfillment: 'http://127.0.0.1:3002', finance: 'http://127.0.0.1:3003', support: 'http://127.0.0.1:3004' },
      staticDir: '/srv/public',
      devTokens: false,
      issuer: 'http://127.0.0.1:3009',
      upstreamTimeoutMs: 10_000,
    });
  });

  it('refuses a service URL that is not http(s), a bad port and a flag that is not true or false', () => {
    expect(() => loadConsoleConfig({ SUPPORT_URL: 'ftp://x' }, '/')).toThrow(ConsoleConfigInvalid);
    expect(() => loadConsoleConfig({ PORT: 'eighty' }, '/')).toThrow(ConsoleConfigInvalid);
    expect(() => loadConsoleConfig({ CONSOLE_DEV_TOKENS: 'yes' }, '/')).toThrow(ConsoleConfigInvalid);
  });
});
