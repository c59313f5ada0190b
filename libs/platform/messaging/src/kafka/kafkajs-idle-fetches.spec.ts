import { EMPTY_FETCHES_BEFORE_IDLE, FetchPace, paceIdleFetches } from './kafkajs-idle-fetches';

describe('FetchPace', () => {
  const configured = { minBytes: 16_384, maxWaitTime: 25 };

  it('keeps the configured wait while fetches bring messages, and through a few that do not', () => {
    const pace = new FetchPace(configured, 500);
    expect(pace.after(true)).toEqual(configured);
    for (let i = 1; i < EMPTY_FETCHES_BEFORE_IDLE; i++) expect(pace.after(false)).toEqual(configured);
  });

  it('asks for the first byte within the idle wait after enough empty fetches in a row, until one brings a message', () => {
    const pace = new FetchPace(configured, 500);
    for (let i = 1; i < EMPTY_FETCHES_BEFORE_IDLE; i++) pace.after(false);

    expect(pace.after(false)).toEqual({ minBytes: 1, maxWaitTime: 500 });
    expect(pace.after(false)).toEqual({ minBytes: 1, maxWaitTime: 500 });
    expect(pace.after(true)).toEqual(configured);
    expect(pace.after(false)).toEqual(configured);
  });

  it('never waits less than configured', () => {
    const pace = new FetchPace({ minBytes: 1, maxWaitTime: 1_000 }, 500);
    for (let i = 0; i < EMPTY_FETCHES_BEFORE_IDLE; i++) pace.after(false);
    expect(pace.after(false)).toEqual({ minBytes: 1, maxWaitTime: 1_000 });
  });
});

describe('paceIdleFetches', () => {
  it('applies to the installed kafkajs (another version must be checked against its own ConsumerGroup.fetch first)', () => {
    expect((require('kafkajs/package.json') as { version: string }).version).toBe('2.2.4');
    expect(paceIdleFetches('spec-group', 500)).toBe(true);
  });
});
