/**
 * kafkajs fetches with the consumer's `minBytes` and `maxWaitTimeInMs` whether messages are
 * arriving or not. A consumer that waits for 16 KB or 25 ms — so that under load it takes messages
 * in batches — asks the broker 40 times a second while nothing arrives, each round trip 1.5–2 ms
 * of CPU in the service and more in the broker (docs/benchmark.md, session 13).
 *
 * With this, a consumer group that opts in paces its fetches by what they bring: after
 * {@link EMPTY_FETCHES_BEFORE_IDLE} fetches in a row without a message it asks for the first byte
 * within `idleMaxWaitMs` instead — the broker answers as soon as anything arrives, so an idle
 * consumer fetches a few times a second and the first message after a quiet spell is not held for
 * the batching wait — and the first fetch that brings a message restores the configured minimum
 * and wait. It never waits less than configured. Applied to the exact kafkajs version it was
 * written against (it replaces a private method); `kafkajs-idle-fetches.spec.ts` fails on another.
 */
const PATCHED_VERSION = '2.2.4';

/** Fetches in a row without a message before a consumer counts as idle: about 100 ms at a 25 ms wait. */
export const EMPTY_FETCHES_BEFORE_IDLE = 4;

/** What one fetch asks the broker for: at least this many bytes, or whatever there is after this long. */
export interface FetchWait {
  readonly minBytes: number;
  readonly maxWaitTime: number;
}

/** The pace of one consumer group's fetches: its configured wait while messages arrive, the idle one after a quiet spell. */
export class FetchPace {
  #emptyInARow = 0;
  readonly #idle: FetchWait;

  constructor(
    private readonly configured: FetchWait,
    idleMaxWaitMs: number,
  ) {
    this.#idle = { minBytes: 1, maxWaitTime: Math.max(configured.maxWaitTime, idleMaxWaitMs) };
  }

  /** The wait for the next fetch, after one that brought messages or not. */
  after(broughtMessages: boolean): FetchWait {
    this.#emptyInARow = broughtMessages ? 0 : this.#emptyInARow + 1;
    return this.#emptyInARow >= EMPTY_FETCHES_BEFORE_IDLE ? this.#idle : this.configured;
  }
}

/** The parts of kafkajs' (private) ConsumerGroup the pacing reads and writes. */
interface ConsumerGroupState {
  readonly groupId: string;
  minBytes: number;
  maxWaitTime: number;
}
type FetchedBatch = { isEmptyIncludingFiltered(): boolean };
type ConsumerGroupClass = { prototype: ConsumerGroupState & { fetch(nodeId: number): Promise<FetchedBatch[]> } };

/** Idle waits by consumer group, for the groups that opted in. */
const idleWaits = new Map<string, number>();
/** Each running consumer group's pace (a restarted consumer is a new group object, with its configured wait). */
const paces = new WeakMap<ConsumerGroupState, FetchPace>();
let applied: boolean | undefined;

/**
 * Paces the fetches of `groupId`'s consumers in this process (see above); true when the installed
 * kafkajs is the version this was written for (otherwise kafkajs fetches as configured).
 */
export function paceIdleFetches(groupId: string, idleMaxWaitMs: number): boolean {
  if (applied === undefined) {
    // kafkajs has no `exports` map: its own modules are reachable by path, the same instances it uses.
    const { version } = require('kafkajs/package.json') as { version: string };
    applied = version === PATCHED_VERSION;
    if (applied) patch(require('kafkajs/src/consumer/consumerGroup') as ConsumerGroupClass);
  }
  idleWaits.set(groupId, idleMaxWaitMs);
  return applied;
}

function patch(ConsumerGroup: ConsumerGroupClass): void {
  const fetch = ConsumerGroup.prototype.fetch;
  ConsumerGroup.prototype.fetch = async function pacedFetch(this: ConsumerGroupState, nodeId: number): Promise<FetchedBatch[]> {
    const batches = await fetch.call(this, nodeId);
    const idleMaxWaitMs = idleWaits.get(this.groupId);
    if (idleMaxWaitMs !== undefined) {
      let pace = paces.get(this);
      if (!pace) paces.set(this, (pace = new FetchPace({ minBytes: this.minBytes, maxWaitTime: this.maxWaitTime }, idleMaxWaitMs)));
      const next = pace.after(batches.some((batch) => !batch.isEmptyIncludingFiltered()));
      this.minBytes = next.minBytes;
      this.maxWaitTime = next.maxWaitTime;
    }
    return batches;
  };
}
