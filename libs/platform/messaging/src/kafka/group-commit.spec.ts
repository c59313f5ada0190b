import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { UnitOfWork } from './batch-plan';
import { GroupCommit } from './group-commit';

/** A unit of work that records what each committed transaction wrote; a transaction that throws writes nothing. */
class RecordedTransactions implements UnitOfWork {
  readonly commits: string[][] = [];
  #open: string[] | null = null;

  async run<T>(work: () => Promise<T>): Promise<T> {
    const writes: string[] = [];
    this.#open = writes;
    try {
      const result = await work();
      this.commits.push(writes);
      return result;
    } finally {
      this.#open = null;
    }
  }

  write(what: string): void {
    if (!this.#open) throw new Error('written outside a transaction');
    this.#open.push(what);
  }
}

function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('group commit of shared consumer transactions', () => {
  const writing = (transactions: RecordedTransactions, ...messages: string[]) => ({
    messages: messages.length,
    apply: async () => messages.forEach((message) => transactions.write(message)),
  });

  it('commits the runs handed in while a transaction is open together, in the next one', async () => {
    const transactions = new RecordedTransactions();
    const groups = new GroupCommit(transactions, { maxMessages: 100, concurrency: 1 });
    const first = deferred();
    const committed = [
      groups.submit({
        messages: 1,
        apply: async () => {
          transactions.write('p0:a');
          await first.promise;
        },
      }),
      groups.submit(writing(transactions, 'p1:a', 'p1:b')),
      groups.submit(writing(transactions, 'p2:a')),
    ];
    first.release();

    expect(await Promise.all(committed)).toEqual([true, true, true]);
    expect(transactions.commits).toEqual([['p0:a'], ['p1:a', 'p1:b', 'p2:a']]);
  });

  it('never puts more than the most messages in one transaction, except a run that alone is larger', async () => {
    const transactions = new RecordedTransactions();
    const groups = new GroupCommit(transactions, { maxMessages: 3, concurrency: 1 });
    const first = deferred();
    const committed = [
      groups.submit({ messages: 1, apply: () => first.promise }),
      groups.submit(writing(transactions, 'a1', 'a2')),
      groups.submit(writing(transactions, 'b1', 'b2')),
      groups.submit(writing(transactions, 'c1', 'c2', 'c3', 'c4')),
      groups.submit(writing(transactions, 'd1')),
    ];
    first.release();

    expect(await Promise.all(committed)).toEqual([true, true, true, true, true]);
    expect(transactions.commits.slice(1)).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1', 'c2', 'c3', 'c4'], ['d1']]);
  });

  it('tries each run of a failed group again alone: only the run that fails is refused, and nothing of it is written', async () => {
    const transactions = new RecordedTransactions();
    const failures: number[] = [];
    const groups = new GroupCommit(transactions, { maxMessages: 100, concurrency: 1 }, (_error, runs) => failures.push(runs));
    const first = deferred();
    const committed = [
      groups.submit({ messages: 1, apply: () => first.promise }),
      groups.submit(writing(transactions, 'good:1')),
      groups.submit({
        messages: 2,
        apply: async () => {
          transactions.write('bad:1');
          throw new Error('a rule broken by bad:2');
        },
      }),
      groups.submit(writing(transactions, 'good:2')),
    ];
    first.release();

    expect(await Promise.all(committed)).toEqual([true, true, false, true]);
    expect(transactions.commits.slice(1)).toEqual([['good:1'], ['good:2']]);
    expect(failures).toEqual([3, 1]);
  });

  it('tries a group once more at once after a version conflict', async () => {
    const transactions = new RecordedTransactions();
    const attempts: number[] = [];
    const groups = new GroupCommit(transactions, { maxMessages: 100, concurrency: 1 });
    const committed = await groups.submit({
      messages: 1,
      apply: async (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) throw new ConcurrencyConflict('View', 'v-1');
        transactions.write('v-1');
      },
    });

    expect(committed).toBe(true);
    expect(attempts).toEqual([1, 2]);
    expect(transactions.commits).toEqual([['v-1']]);
  });

  it('refuses a run whose version conflict comes back, without writing it', async () => {
    const transactions = new RecordedTransactions();
    const groups = new GroupCommit(transactions, { maxMessages: 100, concurrency: 1 });
    const committed = await groups.submit({
      messages: 1,
      apply: async () => {
        throw new ConcurrencyConflict('View', 'v-1');
      },
    });

    expect(committed).toBe(false);
    expect(transactions.commits).toEqual([]);
  });

  it('opens as many shared transactions at once as it may, and no more', async () => {
    let open = 0;
    let mostOpen = 0;
    const gates = [deferred(), deferred(), deferred()];
    const counting: UnitOfWork = {
      async run<T>(work: () => Promise<T>): Promise<T> {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        try {
          return await work();
        } finally {
          open -= 1;
        }
      },
    };
    const groups = new GroupCommit(counting, { maxMessages: 1, concurrency: 2 });
    const committed = gates.map((gate) => groups.submit({ messages: 1, apply: () => gate.promise }));
    await Promise.resolve();
    expect(open).toBe(2);
    gates.forEach((gate) => gate.release());

    expect(await Promise.all(committed)).toEqual([true, true, true]);
    expect(mostOpen).toBe(2);
  });
});
