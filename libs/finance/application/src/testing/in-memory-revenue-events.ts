import { LedgerEvent, RevenueEvent, RevenueEvents, RevenueEventSnapshot } from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/** A faithful fake of the ledger: append-only, one entry per (order, kind), events are kept. */
export class InMemoryRevenueEvents extends RevenueEvents {
  readonly #entries: RevenueEventSnapshot[] = [];
  /** Events "written to the outbox", in record order. */
  readonly published: LedgerEvent[] = [];

  async record(entry: RevenueEvent): Promise<void> {
    const taken = this.#entries.some((stored) => stored.orderId === entry.orderId && stored.kind === entry.kind);
    if (taken) throw new ConcurrencyConflict(`${entry.kind} revenue for order`, entry.orderId);
    this.#entries.push(entry.snapshot());
    this.published.push(...entry.pendingEvents);
  }

  async ofOrder(orderId: string): Promise<readonly RevenueEvent[]> {
    return this.#entries.filter((stored) => stored.orderId === orderId).map((stored) => RevenueEvent.restore(stored));
  }

  get count(): number {
    return this.#entries.length;
  }
}
