import { EachBatchPayload } from 'kafkajs';

/** What a batch hands over for committing: the kafkajs calls that read and commit the consumer's resolved offsets. */
export type CommitHandle = Pick<EachBatchPayload, 'uncommittedOffsets' | 'commitOffsetsIfNecessary' | 'isRunning'>;

/**
 * Commits a consumer's offsets at most once every `intervalMs`, instead of after every batch.
 *
 * kafkajs' auto-commit sends an OffsetCommit after each partition's batch: under light load, one
 * for nearly every message a service handles, each a write to the broker's offsets log. An offset
 * is resolved only after its handler's transaction committed, so committing later re-delivers at
 * most the last interval's messages after a crash or a rebalance, and the inbox absorbs them.
 *
 * A batch that ends within the interval leaves its offsets for a commit due when the interval is
 * over (a timer, so a quiet partition's last offsets are committed too). Once the consumer is
 * stopping (`isRunning` false) or `close` has begun, every batch commits as it ends, so a
 * graceful shutdown re-delivers nothing. `intervalMs` 0 commits after every batch, as kafkajs does.
 */
export class OffsetCommits {
  #latest: CommitHandle | undefined;
  #due: NodeJS.Timeout | undefined;
  #lastCommit = 0;
  #closing = false;

  constructor(
    private readonly intervalMs: number,
    /** A commit the timer made failed (a rebalance, the broker away): the next batch or timer commits again. */
    private readonly onTimerFailure: (error: unknown) => void,
  ) {}

  /** A batch has ended: commits what it and the batches before it resolved, now or when the interval is over. */
  async batchEnded(batch: CommitHandle): Promise<void> {
    this.#latest = batch;
    const waited = Date.now() - this.#lastCommit;
    if (this.#closing || !batch.isRunning() || waited >= this.intervalMs) return this.commitNow();
    this.#due ??= setTimeout(() => {
      this.#due = undefined;
      this.commitNow().catch(this.onTimerFailure);
    }, this.intervalMs - waited);
    this.#due.unref();
  }

  /** From now on every batch commits as it ends; commits what is resolved. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.commitNow();
  }

  private async commitNow(): Promise<void> {
    clearTimeout(this.#due);
    this.#due = undefined;
    const latest = this.#latest;
    if (!latest) return;
    this.#lastCommit = Date.now();
    const offsets = latest.uncommittedOffsets();
    if (offsets.topics.length > 0) await latest.commitOffsetsIfNecessary(offsets);
  }
}
