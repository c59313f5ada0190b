import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

interface Ambient {
  readonly manager: EntityManager;
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
    const result = await this.dataSource.transaction((manager) => this.#ambient.run({ manager, afterCommit }, () => work(manager)));
    // Outside the transaction's async context: what a callback starts opens transactions of its own.
    for (const callback of afterCommit) callback();
    return result;
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
