import { CaseOrderView } from './case-order-view';

/** A view as stored, with the version its next save must still find (optimistic locking). */
export interface StoredCaseOrderView {
  readonly view: CaseOrderView;
  readonly version: number;
}

/** The projection's store: one view per order. */
export abstract class CaseOrderViews {
  abstract find(orderId: string): Promise<StoredCaseOrderView | null>;

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
}
