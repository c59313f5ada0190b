import { parseEnv, parseOptions } from '../lib/options.mjs';

describe('bench options', () => {
  it('runs the full benchmark unless told otherwise', () => {
    expect(parseOptions([])).toMatchObject({ mode: 'full', build: true, keep: false });
  });

  it('passes service settings to every service or to one context', () => {
    expect(parseEnv(['OUTBOX_BATCH_SIZE=512', 'checkout:DATABASE_POOL_SIZE=20'])).toEqual({
      env: { OUTBOX_BATCH_SIZE: '512' },
      envFor: { checkout: { DATABASE_POOL_SIZE: '20' } },
    });
  });

  it('refuses a setting that is not KEY=VALUE', () => {
    expect(() => parseEnv(['batch=512'])).toThrow('expected KEY=VALUE');
  });

  it('takes custom steps and step length', () => {
    expect(parseOptions(['--quick', '--steps', '50,75', '--step-seconds', '20'])).toMatchObject({ mode: 'quick', steps: [50, 75], stepMs: 20_000 });
  });
});
