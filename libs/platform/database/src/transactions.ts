import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The unit of work. `run` joins the transaction already open in this async context or opens one,
 * so an inbox mark, an aggregate's row and its outbox rows all commit or roll back together
 * without threading a transaction handle through the application layer.
 */
export class Transactions {
  readonly #ambient = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const ambient = this.#ambient.getStore();
    if (ambient) return work(ambient);
    return this.dataSource.transaction((manager) => this.#ambient.run(manager, () => work(manager)));
  }

  /** The ambient transaction's manager, or the pool's for reads outside any transaction. */
  get manager(): EntityManager {
    return this.#ambient.getStore() ?? this.dataSource.manager;
  }
}
