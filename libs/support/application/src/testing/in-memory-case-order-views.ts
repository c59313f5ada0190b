import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { CaseOrderView, CaseOrderViewChange, CaseOrderViews, StoredCaseOrderView } from '@bazaar/support-domain';

/** The store as a map, with the same version rule as the real one. */
export class InMemoryCaseOrderViews extends CaseOrderViews {
  readonly #rows = new Map<string, StoredCaseOrderView>();
  #afterNextFind: (() => Promise<void>) | undefined;
  saves = 0;

  async find(orderId: string): Promise<StoredCaseOrderView | null> {
    const found = this.#rows.get(orderId) ?? null;
    const interleaved = this.#afterNextFind;
    this.#afterNextFind = undefined;
    await interleaved?.();
    return found;
  }

  async findAll(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredCaseOrderView>> {
    const found = new Map(
      orderIds.flatMap((orderId) => {
        const row = this.#rows.get(orderId);
        return row ? [[orderId, row] as const] : [];
      }),
    );
    const interleaved = this.#afterNextFind;
    this.#afterNextFind = undefined;
    await interleaved?.();
    return found;
  }

  async ofBuyer(buyerId: string, limit: number): Promise<readonly CaseOrderView[]> {
    return [...this.#rows.values()]
      .map((row) => row.view)
      .filter((view) => view.checkout?.buyerId === buyerId)
      .sort((a, b) => (b.checkout?.placedAt ?? '').localeCompare(a.checkout?.placedAt ?? '') || a.orderId.localeCompare(b.orderId))
      .slice(0, limit);
  }

  async save(view: CaseOrderView, expectedVersion: number | null): Promise<void> {
    const stored = this.#rows.get(view.orderId);
    if ((stored?.version ?? null) !== expectedVersion) throw new ConcurrencyConflict('CaseOrderView', view.orderId);
    this.#rows.set(view.orderId, { view, version: (expectedVersion ?? 0) + 1 });
    this.saves += 1;
  }

  /** All or nothing, as the real store's unit of work would: every version is checked before anything is written. */
  async saveAll(changes: readonly CaseOrderViewChange[]): Promise<void> {
    const stale = changes.find(({ view, expectedVersion }) => (this.#rows.get(view.orderId)?.version ?? null) !== expectedVersion);
    if (stale) throw new ConcurrencyConflict('CaseOrderView', stale.view.orderId);
    for (const { view, expectedVersion } of changes) await this.save(view, expectedVersion);
  }

  /** Lets another writer save right after the next read, as a consumer of another partition would. */
  interleaveAfterNextFind(write: () => Promise<void>): void {
    this.#afterNextFind = write;
  }
}
