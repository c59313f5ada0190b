import { TransientFailureClass } from './failures';

/** A partition waiting to retry the message it is stuck on; the others keep going. */
export interface StalledPartition {
  readonly topic: string;
  readonly partition: number;
  /** The message it is stuck on. */
  readonly offset: string;
  readonly errorClass: TransientFailureClass;
  readonly error: string;
  /** When this message first failed. */
  readonly since: Date;
  /** Attempts so far, all failed. */
  readonly attempts: number;
  readonly nextAttemptAt: Date;
}

/**
 * Where the consumer stands: `starting` until it first joins its group, `consuming` while it is a
 * member, `down` after it crashed or stopped without being asked (it is being restarted), `closed`
 * once the service shut it down.
 */
export type ConsumerPhase = 'starting' | 'consuming' | 'down' | 'closed';

export interface ConsumerSnapshot {
  readonly groupId: string;
  readonly phase: ConsumerPhase;
  /** Since when it is in this phase. */
  readonly since: Date;
  /** Partitions it holds, per topic, as of its last join. */
  readonly assigned: Readonly<Record<string, readonly number[]>>;
  readonly stalled: readonly StalledPartition[];
  /** Messages this replica dead-lettered since it started. */
  readonly deadLettered: number;
  /** Times the consumer was replaced after it crashed or stopped on its own. */
  readonly restarts: number;
  readonly lastCrash?: { readonly error: string; readonly at: Date };
}

const key = (topic: string, partition: number) => `${topic}|${partition}`;

/**
 * The consumer's state as the transport sees it, for health endpoints and metrics: its phase, the
 * partitions stalled on a transient failure (and why, since when, after how many attempts) and
 * how many messages it dead-lettered. One per {@link KafkaEventServer}; read with `snapshot()`.
 */
export class ConsumerStatus {
  #phase: ConsumerPhase = 'starting';
  #since: Date;
  #assigned: Record<string, readonly number[]> = {};
  readonly #stalled = new Map<string, StalledPartition>();
  #deadLettered = 0;
  #restarts = 0;
  #lastCrash: { error: string; at: Date } | undefined;

  constructor(
    readonly groupId: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#since = now();
  }

  snapshot(): ConsumerSnapshot {
    return {
      groupId: this.groupId,
      phase: this.#phase,
      since: this.#since,
      assigned: this.#assigned,
      stalled: [...this.#stalled.values()],
      deadLettered: this.#deadLettered,
      restarts: this.#restarts,
      ...(this.#lastCrash ? { lastCrash: this.#lastCrash } : {}),
    };
  }

  get phase(): ConsumerPhase {
    return this.#phase;
  }

  /** Attempts already made on the message at `offset`, if its partition is stalled on it. */
  attemptsOn(topic: string, partition: number, offset: string): number {
    const stalled = this.#stalled.get(key(topic, partition));
    return stalled?.offset === offset ? stalled.attempts : 0;
  }

  /** Records a failed attempt on the message at `offset`. */
  stalledOn(failure: Omit<StalledPartition, 'since'>): void {
    const previous = this.#stalled.get(key(failure.topic, failure.partition));
    const since = previous?.offset === failure.offset ? previous.since : this.now();
    this.#stalled.set(key(failure.topic, failure.partition), { ...failure, since });
  }

  /** The partition moved past the message it was stuck on. */
  moving(topic: string, partition: number): void {
    this.#stalled.delete(key(topic, partition));
  }

  deadLettered(): void {
    this.#deadLettered += 1;
  }

  joined(assigned: Record<string, readonly number[]>): void {
    this.#assigned = assigned;
    // A partition handed to another member is retried there.
    for (const [id, stalled] of this.#stalled) {
      if (!assigned[stalled.topic]?.includes(stalled.partition)) this.#stalled.delete(id);
    }
    this.enter('consuming');
  }

  crashed(error: unknown): void {
    this.#lastCrash = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), at: this.now() };
    this.down();
  }

  down(): void {
    if (this.#phase === 'closed') return;
    this.#assigned = {};
    this.#stalled.clear();
    this.enter('down');
  }

  /** A new consumer replaces one that crashed or stopped: it starts over. */
  restarted(): void {
    this.#restarts += 1;
    this.#assigned = {};
    this.#stalled.clear();
    this.enter('starting', { again: true });
  }

  closed(): void {
    this.enter('closed');
  }

  private enter(phase: ConsumerPhase, { again = false } = {}): void {
    if (this.#phase === phase && !again) return;
    this.#phase = phase;
    this.#since = this.now();
  }
}
