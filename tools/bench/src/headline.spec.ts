import { headline } from '../lib/report/headline.mjs';

const step = (name: string, targetRate: number | null, accepted: number, sustained: boolean, supportP99: number) => ({
  name,
  mode: targetRate ? 'open' : 'closed',
  targetRate,
  acceptedPerSecond: accepted,
  http: { latencyMs: { p50: 5, p95: 9, p99: 20, max: 40 } },
  e2e: { latencyMs: { fulfillment: { p99: 80 }, finance: { p99: 90 }, support: { p99: supportP99 } } },
  keptUp: { http: sustained, downstream: sustained, sustained },
});

const result = {
  steps: [step('100/s', 100, 99, true, 150), step('250/s', 250, 248, true, 200), step('500/s', 500, 310, false, 9000)],
  closed: step('closed 64', null, 320, false, 12000),
  ceilings: {
    pgbench: {
      runs: [
        { variant: 'statements', clients: 16, tps: 800 },
        { variant: 'one-statement', clients: 16, tps: 1600 },
      ],
    },
    kafka: { fixedRate: { latencyMs: { p99: 20 } } },
    http: { requestsPerSecond: 6400 },
  },
  peakMemoryMb: { checkout: 140, fulfillment: 150, finance: 151, support: 120 },
};

describe('the headline of a run', () => {
  const h = headline(result);

  it('takes the fastest step that kept up as the maximum sustained rate', () => {
    expect(h.maxSustained).toEqual({ step: '250/s', targetRate: 250, acceptedPerSecond: 248 });
  });

  it('relates Checkout to the ceilings of its own write path, not to the what-if', () => {
    expect(h.ratios).toMatchObject({ checkoutMaxOverPgbench16: 0.4, sustainedOverPgbench16: 0.31, checkoutMaxOverBareFastify: 0.05 });
  });

  it('compares the slowest context’s end-to-end p99 with Kafka’s produce p99', () => {
    expect(h.ratios.e2eP99OverKafkaP99AtMax).toBe(10);
    expect(h.ratios.e2eP99OverKafkaP99At500).toBe(450);
  });

  it('says which directions are met', () => {
    expect(h.goals).toEqual({ sustained: false, httpP99AtMax: true, e2eP99AtMax: true, serviceRss: false });
  });
});
