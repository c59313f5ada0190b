import { Sale } from './sale';

/**
 * What caused each event of a save, by the event: opaque to the model, handed to the adapter that
 * writes the events (the message each one answers, when several messages are applied together).
 */
export type EventCauses = ReadonlyMap<object, unknown>;

/** The repository port: one sale per order, loaded and saved many at a time. */
export abstract class Sales {
  /**
   * The sales of these orders with their ledger entries, in one read, by the order ids given;
   * an order Finance has heard nothing of is absent.
   */
  abstract byOrders(orderIds: readonly string[]): Promise<ReadonlyMap<string, Sale>>;

  /**
   * Writes the sales (each version-checked), appends their new ledger entries and their events to
   * the outbox, atomically and in as many statements however many sales there are. Throws
   * ConcurrencyConflict when another writer changed one of them since it was loaded (or recorded a
   * new one first): nothing is written then.
   */
  abstract saveAll(sales: readonly Sale[], causes?: EventCauses): Promise<void>;

  /** The order's sale, as `byOrders` reads it. */
  async byOrder(orderId: string): Promise<Sale | undefined> {
    return (await this.byOrders([orderId])).get(orderId);
  }

  /** One sale, as `saveAll` writes it. */
  save(sale: Sale): Promise<void> {
    return this.saveAll([sale]);
  }
}
