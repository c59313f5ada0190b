import { nextPendingCheckInMs, RequestQueueState, stopIdleRequestQueueTimers } from './kafkajs-idle-timers';

// kafkajs' own request queue, the class every broker connection of a service uses.
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => RequestQueueState & {
  scheduleCheckPendingRequests(): void;
  destroy(): void;
};
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('kafkajs request queues without idle timers', () => {
  let queue: InstanceType<typeof RequestQueue>;
  beforeAll(() => expect(stopIdleRequestQueueTimers()).toBe(true));
  beforeEach(() => {
    queue = new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'spec:9092', logger: silent });
  });
  afterEach(() => queue.destroy());

  it('applies to the installed kafkajs (another version must be checked against its own scheduling first)', () => {
    expect((require('kafkajs/package.json') as { version: string }).version).toBe('2.2.4');
  });

  it('arms no timer when nothing is pending and nothing throttles (upstream arms one every millisecond, forever)', () => {
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still retries pending requests after 10 ms, and resumes when a throttle ends', () => {
    const now = 1_000_000;
    expect(nextPendingCheckInMs({ pending: [{}], throttledUntil: -1 }, now)).toBe(10);
    expect(nextPendingCheckInMs({ pending: [{}], throttledUntil: now + 250 }, now)).toBe(250);
    expect(nextPendingCheckInMs({ pending: [], throttledUntil: now + 250 }, now)).toBe(250);
    expect(nextPendingCheckInMs({ pending: [], throttledUntil: now - 1 }, now)).toBeUndefined();
  });

  it('arms one check, not one per call, while a throttled queue has requests waiting', () => {
    queue.throttledUntil = Date.now() + 60_000;
    queue.pending.push({});
    queue.scheduleCheckPendingRequests();
    const armed = queue.throttleCheckTimeoutId;
    expect(armed).not.toBeNull();
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBe(armed);
    clearTimeout(armed!);
    queue.throttleCheckTimeoutId = null;
    queue.pending.length = 0;
  });
});
