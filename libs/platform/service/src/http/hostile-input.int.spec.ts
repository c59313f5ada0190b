import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { connect } from 'node:net';
import { currentMessageContext } from '@bazaar/platform-messaging';
import { eventually } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { ServiceConfig } from '../config';
import { HttpAnswer, request } from '../testing/http';
import { ServiceUnderTest } from '../testing/service-under-test';
import { BodyLimit } from './request-limits';
import { Public } from '../access/access-rule';

// Open to anyone: what is tested here happens whoever calls.
@Public()
@Controller('probe')
class ProbeController {
  @Post('notes/:name')
  note(@Param('name') name: string, @Query('q') q: string | undefined, @Body() body: unknown) {
    return { name, q, size: JSON.stringify(body).length };
  }

  @Post('uploads')
  @BodyLimit(256 * 1024)
  upload(@Body() body: { data: string }) {
    return { size: body.data.length };
  }

  @Get('trace')
  trace() {
    const context = currentMessageContext();
    return { traceparent: context?.traceparent, tracestate: context?.tracestate };
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

const MARKER = 'zq-echo-marker';
const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

/** Writes raw bytes to the service and reads everything it answers until it closes the connection. */
async function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(answer) : reject(error)));
  });
}

describe('hostile input never costs a 500 or a stall (a real service)', () => {
  let service: ServiceUnderTest;
  const send = (path: string, init: RequestInit = {}) => request<Record<string, unknown>>(service.instances[0]!, path, init);
  const postJson = (path: string, body: string) => send(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  const expectProblem = (answer: HttpAnswer<Record<string, unknown>>, status: number, code: string) => {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body['code']).toBe(code);
    expect(JSON.stringify(answer.body)).not.toContain(MARKER);
  };

  beforeAll(async () => {
    service = await ServiceUnderTest.start(probeService);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('serves ordinary strings, including paired surrogates (emoji)', async () => {
    const answer = await postJson('/probe/notes/ada?q=caf%C3%A9', JSON.stringify({ text: 'tea ☕ and 😀' }));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: 'ada', q: 'café' });
  });

  it.each([
    ['a NUL in a body string', '/probe/notes/ada', '{"outer":{"text":"a\\u0000b"}}', 'body.outer.text'],
    ['an unpaired high surrogate in a body string', '/probe/notes/ada', '{"text":"x\\ud800y"}', 'body.text'],
    ['an unpaired low surrogate in a body string', '/probe/notes/ada', '{"list":["ok","\\udc00"]}', 'body.list.1'],
    ['a NUL in a body key', '/probe/notes/ada', '{"a\\u0000":1}', 'body'],
    ['a NUL in the query', '/probe/notes/ada?q=a%00b', '{}', 'query.q'],
    ['a NUL in a path parameter', '/probe/notes/a%00b', '{}', 'params.name'],
  ])('refuses %s with 400 invalid_characters naming the field', async (_, path, body, field) => {
    const answer = await postJson(path, body);
    expectProblem(answer, 400, 'invalid_characters');
    expect(answer.body['errors']).toEqual([expect.objectContaining({ path: field })]);
  });

  it('refuses a JSON body nested deeper than the limit with 400 too_deeply_nested, and takes one within it', async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expectProblem(await postJson('/probe/notes/ada', nested(33)), 400, 'too_deeply_nested');
    expectProblem(await postJson('/probe/notes/ada', `${'['.repeat(20_000)}${']'.repeat(20_000)}`), 400, 'too_deeply_nested');
    expect((await postJson('/probe/notes/ada', nested(20))).status).toBe(201);
  });

  it('limits bodies to 64 KiB by default (413 payload_too_large) and lets a route take more', async () => {
    const body = JSON.stringify({ data: 'x'.repeat(70 * 1024) });
    expectProblem(await postJson('/probe/notes/ada', body), 413, 'payload_too_large');
    expect((await postJson('/probe/uploads', body)).status).toBe(201);
    expectProblem(await postJson('/probe/uploads', JSON.stringify({ data: 'x'.repeat(300 * 1024) })), 413, 'payload_too_large');
  });

  it('answers a body over the limit with 413 while the client is still sending it, and the connection serves the next request', async () => {
    const { hostname, port } = new URL(await service.instances[0]!.getUrl());
    const bodyBytes = 2 * 1024 * 1024;
    const socket = connect({ host: hostname, port: Number(port) });
    let answers = '';
    let failure: Error | undefined;
    socket.on('data', (chunk) => (answers += chunk.toString()));
    socket.on('error', (error) => (failure = error));
    try {
      socket.write(`POST /probe/notes/ada HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n${'z'.repeat(64 * 1024)}`);
      await eventually(() => expect(answers).toMatch(/^HTTP\/1\.1 413 [\s\S]*"code":"payload_too_large"/));
      expect(answers).not.toMatch(/connection: close/i);
      // The rest of the refused body, then another request on the same connection.
      socket.write('z'.repeat(bodyBytes - 64 * 1024));
      socket.write('GET /probe/trace HTTP/1.1\r\nHost: x\r\n\r\n');
      await eventually(() => expect(answers).toMatch(/HTTP\/1\.1 413 [\s\S]*HTTP\/1\.1 200 /));
      expect(failure).toBeUndefined();
    } finally {
      socket.destroy();
    }
  });

  it('answers malformed JSON, an unsupported media type and a bad URL encoding as problems that do not repeat the input', async () => {
    expectProblem(await postJson('/probe/notes/ada', `{"${MARKER}": `), 400, 'malformed_json');
    expectProblem(await send('/probe/notes/ada', { method: 'POST', body: MARKER, headers: { 'content-type': `text/${MARKER}` } }), 415, 'unsupported_media_type');
    const badEncoding = await send(`/probe/notes/${MARKER}%E0%A4%A`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.body['code']).toBe('malformed_url');
    expect(badEncoding.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(badEncoding.body)).not.toContain(MARKER);
  });

  it('answers a request target past the limit with 414 and headers past Node.js limit with 431, as problems', async () => {
    expectProblem(
      await send(`/probe/notes/ada?q=${MARKER}${'x'.repeat(3_000)}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
      414,
      'uri_too_long',
    );

    const url = await service.instances[0]!.getUrl();
    const answer = await rawExchange(url, `GET /probe/trace HTTP/1.1\r\nHost: x\r\nX-Big: ${MARKER}${'y'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('Content-Type: application/problem+json');
    expect(answer).toContain('"code":"headers_too_large"');
    expect(answer).not.toContain(MARKER);

    const garbage = await rawExchange(url, `${MARKER} \u0000 nonsense\r\n\r\n`);
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('"code":"malformed_request"');
    expect(garbage).not.toContain(MARKER);
  });

  it('continues a valid W3C trace context and ignores an invalid one (a new trace), never failing the request', async () => {
    const trace = (headers: Record<string, string>) => send('/probe/trace', { headers });
    const valid = await trace({ traceparent: `00-${traceId}-00f067aa0ba902b7-01`, tracestate: 'rojo=1' });
    expect(valid.status).toBe(200);
    expect(valid.body['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(valid.body['tracestate']).toBe('rojo=1');

    const zeros = await trace({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, tracestate: 'rojo=1' });
    expect(zeros.status).toBe(200);
    expect(zeros.body['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
    expect(zeros.body['traceparent']).not.toContain('0'.repeat(32));
    expect(zeros.body['tracestate']).toBeNull();

    const badState = await trace({ traceparent: `00-${traceId}-00f067aa0ba902b7-01`, tracestate: `k=${'v'.repeat(600)}` });
    expect(badState.status).toBe(200);
    expect(badState.body['traceparent']).toContain(traceId);
    expect(badState.body['tracestate']).toBeNull();

    expect((await trace({ traceparent: 'ff-garbage' })).status).toBe(200);
  });
});
