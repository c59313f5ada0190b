import { ContractViolation } from '@bazaar/published-language';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { classifyFailure } from './failures';
import { MalformedMessage } from './incoming-message';
import { retryDelayMs } from './retry-delay';

class ParcelAlreadyGone extends DomainError {
  readonly code = 'parcel_already_gone';
  readonly kind = 'conflict' as const;
}

describe("sorting a handler's failure", () => {
  it('parks only what the message itself makes impossible: not an envelope, a broken contract, a broken rule', () => {
    expect(classifyFailure(new MalformedMessage('body is not JSON'))).toEqual({ permanent: true });
    expect(classifyFailure(new ContractViolation('checkout.order-cancelled.v1', 'reason: invalid'))).toEqual({ permanent: true });
    expect(classifyFailure(new ParcelAlreadyGone('the parcel left'))).toEqual({ permanent: true });
  });

  it('retries a version conflict, which a reload resolves', () => {
    expect(classifyFailure(new ConcurrencyConflict('Order', 'order-1'))).toEqual({ permanent: false, errorClass: 'version_conflict' });
  });

  it('retries database and broker trouble, saying which', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const brokerDown = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' });

    expect(classifyFailure(terminated)).toEqual({ permanent: false, errorClass: 'database_unavailable' });
    expect(classifyFailure(deadlock)).toEqual({ permanent: false, errorClass: 'database_contention' });
    expect(classifyFailure(brokerDown)).toEqual({ permanent: false, errorClass: 'kafka_unavailable' });
  });

  it('retries what it does not recognise rather than park it', () => {
    expect(classifyFailure(new TypeError('cannot read properties of undefined'))).toEqual({ permanent: false, errorClass: 'unknown' });
    expect(classifyFailure('thrown as a string')).toEqual({ permanent: false, errorClass: 'unknown' });
  });
});

describe('the wait before a retry', () => {
  it('doubles from the initial wait up to the most, each drawn between half and all of it', () => {
    const lowest = (attempt: number) => retryDelayMs(attempt, 100, 5_000, () => 0);
    const highest = (attempt: number) => retryDelayMs(attempt, 100, 5_000, () => 1);

    expect([1, 2, 3, 4].map(highest)).toEqual([100, 200, 400, 800]);
    expect([1, 2, 3, 4].map(lowest)).toEqual([50, 100, 200, 400]);
    expect(highest(20)).toBe(5_000);
    expect(lowest(1_000)).toBe(2_500);
  });
});
