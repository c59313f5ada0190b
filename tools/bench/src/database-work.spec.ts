import { perOrder, statementsIn } from '../lib/observe/database-work.mjs';
import { summarizeBacklog } from '../lib/observe/backlog.mjs';

const sample = (t: number, commits: number, written: number, walBytes: number, syncs: number) => ({
  t,
  db: { checkout: { commits, written, statements: commits * 7 }, support: { commits: commits * 3, written, statements: commits * 2 } },
  wal: { records: 0, bytes: walBytes, syncs },
});

describe('database work per order', () => {
  it('divides the window’s deltas by the orders accepted in it', () => {
    const samples = [sample(0, 100, 1000, 0, 10), sample(1, 150, 1300, 512_000, 60), sample(2, 200, 1600, 1_024_000, 110)];

    expect(perOrder(samples, 100)).toEqual({
      statements: { checkout: 7, support: 2 },
      commits: { checkout: 1, support: 3 },
      rowsWritten: { checkout: 6, support: 6 },
      walKbPerOrder: 10,
      walSyncsPerOrder: 1,
    });
  });

  it('reads the statements a service sent from its Prometheus exposition', () => {
    const exposition = [
      '# HELP bazaar_database_statements_total Statements sent',
      '# TYPE bazaar_database_statements_total counter',
      'bazaar_database_statements_total{service="checkout"} 48213',
      'bazaar_outbox_backlog_messages{service="checkout"} 3',
    ].join('\n');

    expect(statementsIn(exposition)).toBe(48_213);
    expect(statementsIn('bazaar_outbox_backlog_messages 3')).toBeNaN();
  });

  it('leaves statements out for a build that does not count them', () => {
    const samples = [sample(0, 100, 1000, 0, 10), sample(1, 150, 1300, 512_000, 60)].map((s) => ({ ...s, db: { checkout: { ...s.db.checkout, statements: NaN } } }));

    expect(perOrder(samples, 50)?.statements).toEqual({ checkout: null });
  });

  it('has nothing to say about a window without two samples or without orders', () => {
    expect(perOrder([sample(0, 1, 1, 1, 1)], 10)).toBeNull();
    expect(perOrder([sample(0, 1, 1, 1, 1), sample(1, 2, 2, 2, 2)], 0)).toBeNull();
  });
});

describe('outbox backlog and consumer lag over a window', () => {
  it('keeps the peak and the last value of each series', () => {
    const samples = [
      { t: 1, outbox: { checkout: 3 }, lag: { support: 10 } },
      { t: 2, outbox: { checkout: 40 }, lag: { support: 2 } },
      { t: 3, outbox: { checkout: 0 }, lag: { support: 7 } },
    ];

    expect(summarizeBacklog(samples)).toEqual({ outbox: { checkout: { max: 40, end: 0 } }, consumerLag: { support: { max: 10, end: 7 } } });
  });
});
