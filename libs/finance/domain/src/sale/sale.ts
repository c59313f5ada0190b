import { AggregateRoot, IdGenerator } from '@bazaar/shared-kernel';
import { LedgerEvent } from '../revenue-event/ledger-events';
import { RevenueEvent, RevenueEventSnapshot } from '../revenue-event/revenue-event';
import { RevenueEventKind } from '../revenue-event/revenue-event-kind';
import { Dispatch } from './dispatch';
import { RevenueAlreadyRecognized, RevenueAlreadyReversed, SaleTermsUnknown } from './sale-errors';
import { SaleTerms, saleTerms } from './sale-terms';

export interface SaleSnapshot {
  readonly orderId: string;
  /** Known once the payment was authorized. */
  readonly terms: SaleTerms | null;
  /** Known once a shipment of the order was dispatched: the first one seen. */
  readonly dispatch: Dispatch | null;
  /** When Finance heard that the order was cancelled; null while it has not. */
  readonly cancelledAt: Date | null;
  /** The order's ledger entries, as recorded: a deferred one, then a recognition or a reversal. */
  readonly entries: readonly RevenueEventSnapshot[];
}

/** Revenue just earned, with what the invoice for it is made of. */
export interface Recognition {
  readonly entry: RevenueEvent;
  readonly terms: SaleTerms;
  readonly dispatch: Dispatch;
}

/**
 * Finance's "order": what was sold, to whom, and how far its revenue has come, as balanced,
 * immutable ledger entries — deferred when the payment is authorized, then either recognized once
 * a shipment is dispatched or reversed when the order is cancelled.
 *
 * The payment and the dispatch come from different contexts on different topics, so either may
 * arrive first: each is remembered, and the revenue is recognized when both are known, whichever
 * came last. Every fact is taken once; a repeat changes nothing. The two endings exclude each
 * other: a dispatch after a reversal, or a cancellation after a recognition, is refused for a
 * person to look at. A cancellation is remembered even when nothing was deferred yet, so that a
 * payment authorization heard after it (a message replayed from the dead letters) defers nothing.
 */
export class Sale extends AggregateRoot<LedgerEvent> {
  #entries: RevenueEvent[];
  readonly #recordedNow: RevenueEvent[] = [];
  #terms: SaleTerms | null;
  #dispatch: Dispatch | null;
  #cancelledAt: Date | null;
  #changed = false;

  private constructor(
    readonly orderId: string,
    snapshot: Omit<SaleSnapshot, 'orderId' | 'entries'> & { entries: RevenueEvent[] },
    version: number,
  ) {
    super(version);
    this.#terms = snapshot.terms;
    this.#dispatch = snapshot.dispatch;
    this.#cancelledAt = snapshot.cancelledAt;
    this.#entries = snapshot.entries;
  }

  /** A sale Finance has heard nothing of yet. */
  static open(orderId: string): Sale {
    return new Sale(orderId, { terms: null, dispatch: null, cancelledAt: null, entries: [] }, 0);
  }

  /** A stored sale; its entries are checked again as they are read. */
  static restore(snapshot: SaleSnapshot, version: number): Sale {
    const entries = snapshot.entries.map((entry) => RevenueEvent.restore(entry));
    const terms = snapshot.terms && saleTerms(snapshot.terms);
    return new Sale(snapshot.orderId, { terms, dispatch: snapshot.dispatch, cancelledAt: snapshot.cancelledAt, entries }, version);
  }

  /**
   * The payment was authorized: the revenue of what was sold is expected, and deferred. A sale
   * whose revenue is already deferred changes nothing, and so does one whose order Finance already
   * knows is cancelled (the authorization arrived after the cancellation). When the dispatch came
   * first, the revenue is earned at once: the recognition is answered.
   */
  defer(terms: SaleTerms, at: Date, ids: IdGenerator): Recognition | null {
    if (this.entry('deferred') || this.#cancelledAt) return null;
    const checked = saleTerms(terms);
    const deferred = RevenueEvent.defer({ id: ids.next(), orderId: this.orderId, amount: checked.total, recordedAt: at });
    this.#terms = checked;
    this.append(deferred, { type: 'RevenueDeferred', revenueEventId: deferred.id, orderId: this.orderId, amount: deferred.amount, occurredAt: at });
    return this.#dispatch ? this.recognize(deferred, this.#dispatch, at, ids) : null;
  }

  /**
   * A shipment of the order was dispatched: the deferred revenue is earned, and the recognition
   * answered. Before the payment is known, the dispatch is remembered for it. Once recognized,
   * nothing changes; once reversed, the dispatch is refused.
   */
  recordDispatch(dispatch: Dispatch, at: Date, ids: IdGenerator): Recognition | null {
    if (this.entry('recognized')) return null;
    if (this.entry('reversal')) throw new RevenueAlreadyReversed(this.orderId, dispatch.shipmentId);
    if (!this.#dispatch) {
      this.#dispatch = Object.freeze({ ...dispatch });
      this.#changed = true;
    }
    const deferred = this.entry('deferred');
    return deferred ? this.recognize(deferred, this.#dispatch, at, ids) : null;
  }

  /**
   * The order was cancelled: remembered, and its deferred revenue reversed, once. With nothing
   * deferred yet (the order was cancelled before its payment was authorized, or its authorization
   * has not arrived) there is nothing to reverse, and none will be deferred. Refused when the
   * revenue was already earned.
   */
  cancel(at: Date, ids: IdGenerator): void {
    if (this.entry('reversal')) return;
    if (this.entry('recognized')) throw new RevenueAlreadyRecognized(this.orderId);
    if (!this.#cancelledAt) {
      this.#cancelledAt = at;
      this.#changed = true;
    }
    const deferred = this.entry('deferred');
    if (!deferred) return;
    const reversal = RevenueEvent.reverse(deferred, { id: ids.next(), recordedAt: at });
    this.append(reversal, {
      type: 'RevenueReversed',
      revenueEventId: reversal.id,
      reversedRevenueEventId: deferred.id,
      orderId: this.orderId,
      amount: reversal.amount,
      occurredAt: at,
    });
  }

  private recognize(deferred: RevenueEvent, dispatch: Dispatch, at: Date, ids: IdGenerator): Recognition {
    if (!this.#terms) throw new SaleTermsUnknown(this.orderId);
    const entry = RevenueEvent.recognize(deferred, { id: ids.next(), shipmentId: dispatch.shipmentId, recordedAt: at });
    this.append(entry, {
      type: 'RevenueRecognized',
      revenueEventId: entry.id,
      deferredRevenueEventId: deferred.id,
      orderId: this.orderId,
      shipmentId: dispatch.shipmentId,
      amount: entry.amount,
      occurredAt: at,
    });
    return { entry, terms: this.#terms, dispatch };
  }

  private append(entry: RevenueEvent, event: LedgerEvent): void {
    this.#entries = [...this.#entries, entry];
    this.#recordedNow.push(entry);
    this.#changed = true;
    this.record(event);
  }

  /** The order's entry of that kind, if recorded; there is at most one of each. */
  entry(kind: RevenueEventKind): RevenueEvent | undefined {
    return this.#entries.find((entry) => entry.kind === kind);
  }

  get terms(): SaleTerms | null {
    return this.#terms;
  }

  get dispatch(): Dispatch | null {
    return this.#dispatch;
  }

  get cancelledAt(): Date | null {
    return this.#cancelledAt;
  }

  get entries(): readonly RevenueEvent[] {
    return this.#entries;
  }

  /** Entries recorded since the sale was loaded or opened: what the repository appends. */
  get newEntries(): readonly RevenueEvent[] {
    return this.#recordedNow;
  }

  /** False when every fact it was told was known already: there is nothing to save. */
  get hasChanges(): boolean {
    return this.#changed;
  }

  snapshot(): SaleSnapshot {
    return {
      orderId: this.orderId,
      terms: this.#terms,
      dispatch: this.#dispatch,
      cancelledAt: this.#cancelledAt,
      entries: this.#entries.map((entry) => entry.snapshot()),
    };
  }
}
