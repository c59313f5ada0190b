import { ContractViolation } from '@bazaar/published-language';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { ConsumerStatus } from './consumer-status';
import { KafkaEventContext } from './kafka-event-context';
import { RetryPolicy } from './retry-policy';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe("the consumers' retry policy", () => {
  const status = new ConsumerStatus('group');
  const policy = new RetryPolicy({ initialBackoffMs: 100, maxBackoffMs: 5_000, status, logger: quiet });

  it('dead-letters what can never succeed, on any attempt', () => {
    expect(policy.afterFailure(new ContractViolation('x.v1', 'bad'), 1, 1)).toEqual({ action: 'dead-letter' });
    expect(policy.afterFailure(new ContractViolation('x.v1', 'bad'), 7, 3)).toEqual({ action: 'dead-letter' });
  });

  it('tries a version conflict again at once the first time, then waits like any transient failure', () => {
    expect(policy.afterFailure(new ConcurrencyConflict('Order', 'o-1'), 3, 3)).toEqual({ action: 'again-now' });
    expect(policy.afterFailure(new ConcurrencyConflict('Order', 'o-1'), 4, 3)).toEqual({ action: 'retry-later', errorClass: 'version_conflict' });
    expect(policy.afterFailure(new Error('surprise'), 1, 1)).toEqual({ action: 'retry-later', errorClass: 'unknown' });
  });

  it('records a stall with its attempts and a next attempt within the backoff ceiling, keeping when it began', () => {
    const context = new KafkaEventContext('orders', 2, '41');
    const before = Date.now();
    policy.stall(context, 'database_unavailable', new Error('connection refused'), 1);
    const first = status.snapshot().stalled[0]!;
    policy.stall(context, 'database_unavailable', new Error('connection refused'), 2);
    const second = status.snapshot().stalled[0]!;
    expect(second).toMatchObject({ topic: 'orders', partition: 2, offset: '41', errorClass: 'database_unavailable', error: 'Error: connection refused', attempts: 2 });
    expect(second.since).toEqual(first.since);
    // Attempt 2 waits between half and all of 100 ms · 2.
    expect(second.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 100);
    expect(second.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 200);
    expect(status.attemptsOn('orders', 2, '41')).toBe(2);
  });
});
