import { OffsetsByTopicPartition } from 'kafkajs';
import { CommitHandle, OffsetCommits } from './offset-commits';

/** A consumer's offsets as kafkajs keeps them: resolved by handled messages, committed by OffsetCommit requests (recorded). */
class FakeConsumer implements CommitHandle {
  running = true;
  failNextCommit: Error | undefined;
  readonly commits: Record<string, string>[] = [];
  readonly #resolved = new Map<number, string>();
  readonly #committed = new Map<number, string>();

  resolve(partition: number, nextOffset: number): this {
    this.#resolved.set(partition, String(nextOffset));
    return this;
  }

  isRunning = () => this.running;

  uncommittedOffsets = (): OffsetsByTopicPartition => {
    const partitions = [...this.#resolved].filter(([partition, offset]) => this.#committed.get(partition) !== offset).map(([partition, offset]) => ({ partition, offset }));
    return { topics: partitions.length > 0 ? [{ topic: 'things', partitions }] : [] };
  };

  commitOffsetsIfNecessary = async (offsets?: OffsetsByTopicPartition): Promise<void> => {
    if (this.failNextCommit) {
      const error = this.failNextCommit;
      this.failNextCommit = undefined;
      throw error;
    }
    const committed: Record<string, string> = {};
    for (const { partition, offset } of offsets?.topics.flatMap((topic) => topic.partitions) ?? []) {
      this.#committed.set(partition, offset);
      committed[partition] = offset;
    }
    this.commits.push(committed);
  };
}

describe('OffsetCommits', () => {
  let consumer: FakeConsumer;
  let timerFailures: unknown[];
  const commitsEvery = (intervalMs: number) => new OffsetCommits(intervalMs, (error) => timerFailures.push(error));

  beforeEach(() => {
    jest.useFakeTimers();
    consumer = new FakeConsumer();
    timerFailures = [];
  });

  afterEach(() => jest.useRealTimers());

  it('with no interval commits what each batch resolved as it ends, as kafkajs does', async () => {
    const commits = commitsEvery(0);

    await commits.batchEnded(consumer.resolve(0, 5));
    await commits.batchEnded(consumer.resolve(1, 3));
    await commits.batchEnded(consumer);

    expect(consumer.commits).toEqual([{ 0: '5' }, { 1: '3' }]);
  });

  it('commits at most once an interval: the batches within it are committed together when it is over, without another batch', async () => {
    const commits = commitsEvery(1_000);

    await commits.batchEnded(consumer.resolve(0, 5));
    expect(consumer.commits).toEqual([{ 0: '5' }]);

    await jest.advanceTimersByTimeAsync(100);
    await commits.batchEnded(consumer.resolve(0, 6));
    await commits.batchEnded(consumer.resolve(1, 2));
    await commits.batchEnded(consumer.resolve(0, 9));
    await jest.advanceTimersByTimeAsync(800);
    expect(consumer.commits).toHaveLength(1);

    await jest.advanceTimersByTimeAsync(100);
    expect(consumer.commits).toEqual([{ 0: '5' }, { 0: '9', 1: '2' }]);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(consumer.commits).toHaveLength(2);
  });

  it('commits a batch that ends as the consumer stops at once', async () => {
    const commits = commitsEvery(1_000);
    await commits.batchEnded(consumer.resolve(0, 5));

    consumer.running = false;
    await commits.batchEnded(consumer.resolve(0, 7));

    expect(consumer.commits).toEqual([{ 0: '5' }, { 0: '7' }]);
  });

  it('on close commits what is resolved, and from then on every batch as it ends', async () => {
    const commits = commitsEvery(1_000);
    await commits.batchEnded(consumer.resolve(0, 5));
    await commits.batchEnded(consumer.resolve(1, 4));

    await commits.close();
    expect(consumer.commits).toEqual([{ 0: '5' }, { 1: '4' }]);

    await commits.batchEnded(consumer.resolve(1, 8));
    expect(consumer.commits).toEqual([{ 0: '5' }, { 1: '4' }, { 1: '8' }]);
  });

  it('reports a commit the timer could not make, and the next batch commits what it left', async () => {
    const commits = commitsEvery(1_000);
    await commits.batchEnded(consumer.resolve(0, 5));
    await commits.batchEnded(consumer.resolve(0, 6));

    const rebalancing = new Error('The group is rebalancing');
    consumer.failNextCommit = rebalancing;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(timerFailures).toEqual([rebalancing]);
    expect(consumer.commits).toEqual([{ 0: '5' }]);

    await jest.advanceTimersByTimeAsync(1_000);
    await commits.batchEnded(consumer.resolve(1, 1));
    expect(consumer.commits).toEqual([{ 0: '5' }, { 0: '6', 1: '1' }]);
  });
});
