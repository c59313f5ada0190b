import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/** Items written together, in one go, at the end of the transaction they were gathered in (`Transactions.gather`). */
export interface Batch<T> {
  /** Writes every item gathered under this batch in the transaction, in the order gathered; runs inside it, once, just before it commits. */
  flush(items: readonly T[]): Promise<void>;
}

interface Ambient {
  readonly manager: EntityManager;
  /** What `gather` collected, flushed just before the transaction that opened this commits. */
  readonly gathered: Map<Batch<never>, unknown[]>;
  /** What `afterCommit` queued, run once the transaction that opened this has committed. */
  readonly afterCommit: (() => void)[];
}

/**
 * The unit of work. `run` joins the transaction already open in this async context or opens one,
 * so an inbox mark, an aggregate's row and its outbox rows all commit or roll back together
 * without threading a transaction handle through the application layer.
 */
export class Transactions {
  readonly #ambient = new AsyncLocalStorage<Ambient>();

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ambient = this.#ambient.getStore();
    if (ambient) return work(ambient.manager);
    const afterCommit: (() => void)[] = [];
    const gathered = new Map<Batch<never>, unknown[]>();
    const result = await this.dataSource.transaction((manager) =>
      this.#ambient.run({ manager, gathered, afterCommit }, async () => {
        const value = await work(manager);
        for (const [batch, items] of gathered) await batch.flush(items as never[]);
        return value;
      }),
    );
    // Outside the transaction's async context: what a callback starts opens transactions of its own.
    for (const callback of afterCommit) callback();
    return result;
  }

  /**
   * Gathers `item` under `batch` in the transaction open in this async context: just before that
   * transaction commits, `batch.flush` writes everything gathered under it in one go (set-based
   * statements instead of a round trip per item), inside the transaction, so a failure there rolls
   * all of it back. Outside a transaction, one is opened for the item alone. The caller's promise
   * resolves when the item is gathered, not written: only the commit tells that it was.
   */
  async gather<T>(batch: Batch<T>, item: T): Promise<void> {
    const ambient = this.#ambient.getStore();
    if (!ambient) return this.run(async () => this.gather(batch, item));
    const items = ambient.gathered.get(batch as Batch<never>);
    if (items) items.push(item);
    else ambient.gathered.set(batch as Batch<never>, [item]);
  }

  /**
   * Runs `callback` once the transaction open in this async context has committed, or at once
   * outside one; never when it rolls back. For work that must not run inside a transaction (a call
   * to another system, say) and must not run at all if what decided it was not committed. The
   * callback starts its work and returns: it must not throw.
   */
  afterCommit(callback: () => void): void {
    const ambient = this.#ambient.getStore();
    if (ambient) ambient.afterCommit.push(callback);
    else callback();
  }

  /** The ambient transaction's manager, or the pool's for reads outside any transaction. */
  get manager(): EntityManager {
    return this.#ambient.getStore()?.manager ?? this.dataSource.manager;
  }
}
