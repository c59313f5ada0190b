import { Writable } from 'node:stream';
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
    runInMessageContext(
      { correlationId: 'corr-7', causationId: 'event-3', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: null },
      () => logger.warn({ msg: 'retrying', attempt: 2 }),
    );
    expect(lines[0]).toMatchObject({
      level: 40, service: 'fulfillment', msg: 'retrying', attempt: 2,
      correlationId: 'corr-7', causationId: 'event-3', traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });

  it('write Nest-style messages with their context, and nothing below the level', () => {
    const { lines, logger } = capture();
    logger.log('Mapped {/shipments, GET} route', 'RouterExplorer');
    logger.debug('noise', 'Anything');
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'Mapped {/shipments, GET} route', context: 'RouterExplorer' })]);
    expect(lines[0]).not.toHaveProperty('correlationId');
  });
});
