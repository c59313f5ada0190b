import { RevenueEvent } from './revenue-event';

/** The repository port: the revenue ledger. Append-only — there is no way to change an entry. */
export abstract class RevenueEvents {
  /**
   * Appends a new entry with its pending events. Throws ConcurrencyConflict when the order already
   * has an entry of that kind (another writer got there first).
   */
  abstract record(entry: RevenueEvent): Promise<void>;

  abstract ofOrder(orderId: string): Promise<readonly RevenueEvent[]>;
}
