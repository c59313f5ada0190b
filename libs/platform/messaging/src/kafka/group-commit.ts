import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { TraceContext } from '../tracing';
import { UnitOfWork } from './batch-plan';

/** A run of one partition's messages that may share a transaction: how many, and how to handle them inside it. */
export interface SharedRun {
  readonly messages: number;
  /** Where each of its messages' traces continues. */
  readonly traces?: readonly TraceContext[];
  /** Handles every message of the run, in order, inside the open transaction; `attempt` counts this run's tries. */
  apply(attempt: number): Promise<void>;
}

interface Waiting extends SharedRun {
  resolve(committed: boolean): void;
}

/**
 * Group commit for a replica's consumer transactions: at most `concurrency` shared transactions
 * open at once (one, unless a service says otherwise). Runs handed in by partitions consumed side
 * by side while every slot is busy wait, and the next transaction to open takes them all (up to
 * `maxMessages`, never splitting a run): partitions no longer take turns at committing, one commit
 * serves many of them, and with one slot they cannot race each other on the same rows (an order's
 * facts arrive on several topics at once). A partition hands in its next run only once its last
 * one is settled, so its messages keep their order.
 *
 * A run is applied whole or not at all, and `submit` says which. A version conflict is tried once
 * more at once (the other writer has committed). When a group fails, each of its runs is tried
 * again alone, so one run that cannot commit does not hold the others back; the transport then
 * handles that run one message at a time, under its rules for failures.
 */
export class GroupCommit {
  readonly #waiting: Waiting[] = [];
  #open = 0;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly limits: { readonly maxMessages: number; readonly concurrency: number },
    private readonly onFailure: (error: unknown, runs: number) => void = () => undefined,
    /** Runs a group's transaction in the span of its messages' traces (see `inSharedTransactionSpan`); by default as it is. */
    private readonly traced: (traces: readonly TraceContext[], work: () => Promise<void>) => Promise<void> = (_traces, work) => work(),
  ) {}

  /** Resolves true once the run committed (within a group), false when its transaction failed: nothing of it was applied. */
  submit(run: SharedRun): Promise<boolean> {
    return new Promise((resolve) => {
      this.#waiting.push({ messages: run.messages, traces: run.traces, apply: (attempt) => run.apply(attempt), resolve });
      this.#openWhileFree();
    });
  }

  #openWhileFree(): void {
    while (this.#open < this.limits.concurrency && this.#waiting.length > 0) {
      const group = this.#nextGroup();
      this.#open += 1;
      void this.#settle(group).finally(() => {
        this.#open -= 1;
        this.#openWhileFree();
      });
    }
  }

  async #settle(group: readonly Waiting[]): Promise<void> {
    if (await this.#commit(group)) {
      for (const run of group) run.resolve(true);
    } else if (group.length === 1) {
      group[0]!.resolve(false);
    } else {
      for (const run of group) run.resolve(await this.#commit([run]));
    }
  }

  /** The oldest waiting runs that fit in `maxMessages` together (the first one always). */
  #nextGroup(): Waiting[] {
    let count = 0;
    let messages = 0;
    for (const run of this.#waiting) {
      if (count > 0 && messages + run.messages > this.limits.maxMessages) break;
      count += 1;
      messages += run.messages;
    }
    return this.#waiting.splice(0, count);
  }

  async #commit(group: readonly Waiting[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.traced(
          group.flatMap((run) => run.traces ?? []),
          () =>
            this.unitOfWork.run(async () => {
              for (const run of group) await run.apply(attempt);
            }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConcurrencyConflict && attempt === 1) continue;
        this.onFailure(error, group.length);
        return false;
      }
    }
  }
}
