import { LedgerEvent, Sale, Sales, SaleSnapshot } from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** Sales kept in a map, with the real adapter's version check, and the events saved with them (the outbox). */
export class InMemorySales extends Sales implements Transactional {
  #rows = new Map<string, { snapshot: SaleSnapshot; version: number }>();
  #published: LedgerEvent[] = [];

  async byOrder(orderId: string): Promise<Sale | undefined> {
    const row = this.#rows.get(orderId);
    return row && Sale.restore(row.snapshot, row.version);
  }

  async save(sale: Sale): Promise<void> {
    if ((this.#rows.get(sale.orderId)?.version ?? 0) !== sale.version) throw new ConcurrencyConflict('Sale', sale.orderId);
    this.#rows.set(sale.orderId, { snapshot: sale.snapshot(), version: sale.version + 1 });
    this.#published = [...this.#published, ...sale.pendingEvents];
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
