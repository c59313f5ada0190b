import { whileDatabaseUnavailable } from './while-unavailable';

/** What node-postgres throws when a failover ends the connection, and when the server refuses it. */
const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const undefinedTable = Object.assign(new Error('relation "orders" does not exist'), { code: '42P01' });

/** Fails with each error in turn, then answers `done`. */
function failingWith(...errors: Error[]) {
  let calls = 0;
  const work = async () => {
    calls++;
    const error = errors[calls - 1];
    if (error) throw error;
    return 'done';
  };
  return { work, calls: () => calls };
}

describe('whileDatabaseUnavailable: database work at a service start', () => {
  it('tries again while the database is unavailable, and answers what the work answers once it is back', async () => {
    const attempts: number[] = [];
    const { work, calls } = failingWith(terminated, refused, terminated);

    const answer = await whileDatabaseUnavailable(work, { deadlineMs: 10_000, firstDelayMs: 1, onRetry: (_error, attempt) => attempts.push(attempt) });

    expect(answer).toBe('done');
    expect(calls()).toBe(4);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('does not try again what would fail the same way (a missing table): it throws at once', async () => {
    const { work, calls } = failingWith(undefinedTable);

    await expect(whileDatabaseUnavailable(work, { deadlineMs: 10_000, firstDelayMs: 1 })).rejects.toBe(undefinedTable);
    expect(calls()).toBe(1);
  });

  it('gives up with the last error once the next wait would pass the deadline', async () => {
    const { work, calls } = failingWith(refused, refused, refused, refused, refused, refused, refused, refused);

    await expect(whileDatabaseUnavailable(work, { deadlineMs: 20, firstDelayMs: 8 })).rejects.toBe(refused);
    expect(calls()).toBeGreaterThanOrEqual(2);
    expect(calls()).toBeLessThan(8);
  });

  it('with no time to wait (deadline 0), tries once', async () => {
    const { work, calls } = failingWith(terminated);

    await expect(whileDatabaseUnavailable(work, { deadlineMs: 0 })).rejects.toBe(terminated);
    expect(calls()).toBe(1);
  });
});
