import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { startTracing } from './observability/tracing';
import { runInMessageContext } from '@bazaar/platform-messaging';
import { createLogger, JsonLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: new JsonLogger(createLogger('fulfillment', 'info', stream)) };
}

describe('JSON logs', () => {
  it('stamp every line inside a unit of work with its correlation, causation and trace ids', () => {
    const { lines, logger } = capture();
    runInMessageContext({ correlationId: 'corr-7', causationId: 'event-3', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: null }, () =>
      logger.warn({ msg: 'retrying', attempt: 2 }),
    );
    expect(lines[0]).toMatchObject({
      level: 40,
      service: 'fulfillment',
      msg: 'retrying',
      attempt: 2,
      correlationId: 'corr-7',
      causationId: 'event-3',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
    });
  });

  it('take trace_id and span_id from the active span', () => {
    startTracing({ serviceName: 'fulfillment', env: {} });
    const { lines, logger } = capture();
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };
    context.with(trace.setSpanContext(context.active(), spanContext), () => logger.log({ msg: 'in a span' }));
    expect(lines[0]).toMatchObject({ msg: 'in a span', trace_id: spanContext.traceId, span_id: spanContext.spanId });
  });

  it('redact authorization headers, cookies, payment tokens and addresses', () => {
    const { lines, logger } = capture();
    const address = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
    logger.warn({
      msg: 'refused',
      req: { headers: { authorization: 'Bearer eyJhbGciOi', cookie: 'session=abc', 'content-type': 'application/json' } },
      command: { buyerId: 'buyer-1', paymentToken: 'tok_ok', shippingAddress: address },
      event: { data: { shippingAddress: address } },
      address,
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ['eyJhbGciOi', 'session=abc', 'tok_ok', 'Lovelace', 'SW1Y']) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      req: { headers: { authorization: '[Redacted]', cookie: '[Redacted]', 'content-type': 'application/json' } },
      command: { buyerId: 'buyer-1', paymentToken: '[Redacted]', shippingAddress: '[Redacted]' },
      event: { data: { shippingAddress: '[Redacted]' } },
      address: '[Redacted]',
    });
  });

  it('redact the parameters of a failed statement and the values PostgreSQL quotes back, keeping the error itself', () => {
    const { lines, logger } = capture();
    const failed = Object.assign(new Error('duplicate key value violates unique constraint "orders_pkey"'), {
      query: 'INSERT INTO orders (id, payment_token, shipping_address) VALUES ($1, $2, $3)',
      parameters: ['a1', 'tok_secret', '{"name":"Ada Lovelace"}'],
      detail: 'Key (id)=(a1) already exists.',
      driverError: { detail: 'Key (id)=(a1) already exists.', code: '23505' },
    });
    logger.error(failed);
    const line = JSON.stringify(lines[0]);
    for (const secret of ['tok_secret', 'Lovelace', 'Key (id)=(a1)']) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ msg: failed.message, err: { parameters: '[Redacted]', detail: '[Redacted]', driverError: { code: '23505' } } });
  });

  it('write Nest-style messages with their context, and nothing below the level', () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/shipments, GET} route', 'RouterExplorer');
    logger.debug('noise', 'Anything');
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'Mapped {/shipments, GET} route', context: 'RouterExplorer' })]);
    expect(lines[0]).not.toHaveProperty('correlationId');
  });
});
