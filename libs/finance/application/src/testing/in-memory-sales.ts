import { EventCauses, LedgerEvent, Sale, Sales, SaleSnapshot } from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { Transactional } from '@bazaar/shared-kernel/testing';

/**
 * Sales kept in a map, with the real adapter's version check (all or nothing), the events saved
 * with them (the outbox) and what caused each, and a count of the reads and writes (each one
 * statement, or a fixed few, in the real adapter).
 */
export class InMemorySales extends Sales implements Transactional {
  #rows = new Map<string, { snapshot: SaleSnapshot; version: number }>();
  #published: LedgerEvent[] = [];
  #causes = new Map<object, unknown>();
  /** How many times `byOrders` and `saveAll` were called. */
  readonly calls = { byOrders: 0, saveAll: 0 };

  async byOrders(orderIds: readonly string[]): Promise<ReadonlyMap<string, Sale>> {
    this.calls.byOrders += 1;
    const found = new Map<string, Sale>();
    for (const orderId of orderIds) {
      const row = this.#rows.get(orderId);
      if (row) found.set(orderId, Sale.restore(row.snapshot, row.version));
    }
    return found;
  }

  async saveAll(sales: readonly Sale[], causes: EventCauses = new Map()): Promise<void> {
    this.calls.saveAll += 1;
    const conflicting = sales.find((sale) => (this.#rows.get(sale.orderId)?.version ?? 0) !== sale.version);
    if (conflicting) throw new ConcurrencyConflict('Sale', conflicting.orderId);
    for (const sale of sales) {
      this.#rows.set(sale.orderId, { snapshot: sale.snapshot(), version: sale.version + 1 });
      this.#published = [...this.#published, ...sale.pendingEvents];
      for (const event of sale.pendingEvents) if (causes.has(event)) this.#causes.set(event, causes.get(event));
    }
  }

  /** What caused an event saved, as the handler told. */
  causeOf(event: LedgerEvent): unknown {
    return this.#causes.get(event);
  }

  /** Every ledger event saved, in order: what the outbox would hold. */
  get published(): readonly LedgerEvent[] {
    return this.#published;
  }

  all(): SaleSnapshot[] {
    return [...this.#rows.values()].map((row) => row.snapshot);
  }

  snapshot(): () => void {
    const rows = new Map(this.#rows);
    const published = this.#published;
    return () => {
      this.#rows = rows;
      this.#published = published;
    };
  }
}
