/**
 * kafkajs 2.2.4, its last release, keeps a timer spinning on every broker connection for as long as
 * the connection lives (tulios/kafkajs#1556, #1704): once a request has completed, each request
 * queue re-arms a check of its pending requests with a negative delay, which Node runs after 1 ms,
 * whether anything is pending or not — about a thousand timers a second per connection, idle or
 * busy. Measured here it was half of an idle service's CPU (docs/benchmark.md, session 10).
 *
 * The queue's check is only needed while requests wait (to retry after 10 ms) or while the broker
 * throttles the client (to resume when the throttle ends); it is re-run whenever a request is
 * queued or an in-flight one completes. This replaces the scheduling with the same decisions minus
 * the timer that nothing needs. It is applied to the exact version it was written against: another
 * version keeps its own code, and `kafkajs-idle-timers.spec.ts` fails until this is looked at again.
 */
const PATCHED_VERSION = '2.2.4';
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

/** The parts of kafkajs' (private) RequestQueue this scheduling reads and writes. */
export interface RequestQueueState {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
}

/** When the queue should check its pending requests again, in ms from now; undefined: not until something happens. */
export function nextPendingCheckInMs(queue: Pick<RequestQueueState, 'pending' | 'throttledUntil'>, now: number): number | undefined {
  const untilUnthrottled = queue.throttledUntil - now;
  if (queue.pending.length > 0) return untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  return untilUnthrottled > 0 ? untilUnthrottled : undefined;
}

function scheduleCheckPendingRequests(this: RequestQueueState): void {
  if (this.throttleCheckTimeoutId) return;
  const delay = nextPendingCheckInMs(this, Date.now());
  if (delay === undefined) return;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

interface RequestQueueClass {
  prototype: RequestQueueState & { scheduleCheckPendingRequests(): void };
}

let applied: boolean | undefined;

/**
 * Replaces kafkajs' request-queue scheduling once per process (idempotent); true when the
 * installed kafkajs is the version this fixes. Called by {@link createKafka}, before any connection.
 */
export function stopIdleRequestQueueTimers(): boolean {
  if (applied !== undefined) return applied;
  // kafkajs has no `exports` map: its own modules are reachable by path, the same instances it uses.
  const { version } = require('kafkajs/package.json') as { version: string };
  applied = version === PATCHED_VERSION;
  if (applied) {
    const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
    RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  }
  return applied;
}
