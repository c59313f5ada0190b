import { CaseOrderView } from './case-order-view';

/** A view as stored, with the version its next save must still find (optimistic locking). */
export interface StoredCaseOrderView {
  readonly view: CaseOrderView;
  readonly version: number;
}

/** A view to save, and the version the stored one must still be at (null: there must be none yet). */
export interface CaseOrderViewChange {
  readonly view: CaseOrderView;
  readonly expectedVersion: number | null;
}

/** The projection's store: one view per order. */
export abstract class CaseOrderViews {
  abstract find(orderId: string): Promise<StoredCaseOrderView | null>;

  /** The stored views of these orders, keyed by the ids as given; an order without a view has no entry. */
  abstract findAll(orderIds: readonly string[]): Promise<ReadonlyMap<string, StoredCaseOrderView>>;

  /**
   * The views of the orders a buyer placed, newest checkout first, at most `limit`. Only views whose
   * checkout Support has seen name their buyer, so a view still partial is not found this way yet.
   */
  abstract ofBuyer(buyerId: string, limit: number): Promise<readonly CaseOrderView[]>;

  /**
   * Inserts the view when `expectedVersion` is null, else replaces the stored one if it is still at
   * `expectedVersion`; throws ConcurrencyConflict when another writer got there first.
   */
  abstract save(view: CaseOrderView, expectedVersion: number | null): Promise<void>;

  /**
   * Saves each change as `save` would, in one go (a statement for the new views, one for the
   * others); throws ConcurrencyConflict when another writer got to any of them first — the caller's
   * unit of work, which must be open, rolls all of them back.
   */
  abstract saveAll(changes: readonly CaseOrderViewChange[]): Promise<void>;
}
