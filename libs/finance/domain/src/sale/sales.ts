import { Sale } from './sale';

/** The repository port: one sale per order. */
export abstract class Sales {
  /** The order's sale with its ledger entries; undefined when Finance has heard nothing of it. */
  abstract byOrder(orderId: string): Promise<Sale | undefined>;

  /**
   * Writes the sale (version-checked), appends its new ledger entries and its events to the
   * outbox, atomically. Throws ConcurrencyConflict when another writer changed it since it was loaded.
   */
  abstract save(sale: Sale): Promise<void>;
}
