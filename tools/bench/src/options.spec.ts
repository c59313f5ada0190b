import { parseEnv, parseOptions, parseReplicas } from '../lib/options.mjs';

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

  it('runs one process per context unless told how many replicas', () => {
    expect(parseOptions([]).replicas).toEqual({ checkout: 1, fulfillment: 1, finance: 1, support: 1 });
    expect(parseReplicas('2')).toEqual({ checkout: 2, fulfillment: 2, finance: 2, support: 2 });
    expect(parseReplicas('fulfillment:2,support:3')).toEqual({ checkout: 1, fulfillment: 2, finance: 1, support: 3 });
  });

  it('refuses replicas for an unknown context, or more replicas than a topic has partitions', () => {
    expect(() => parseReplicas('billing:2')).toThrow('expected N or context:N');
    expect(() => parseReplicas('7')).toThrow('from 1 to 6');
    expect(() => parseReplicas('checkout:0')).toThrow('from 1 to 6');
  });
});
