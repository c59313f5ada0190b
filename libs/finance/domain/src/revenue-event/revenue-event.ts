import { Money } from '@bazaar/shared-kernel';
import { balancedLines, LedgerLine } from './ledger-line';
import { RevenueAmountNotPositive, RevenueNotRecognizable, RevenueNotReversible } from './revenue-event-errors';
import { RevenueEventKind } from './revenue-event-kind';

export interface RevenueEventSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly kind: RevenueEventKind;
  readonly amount: Money;
  readonly recordedAt: Date;
  readonly lines: readonly LedgerLine[];
  /** A reversal's deferred entry; absent on every other kind. */
  readonly reverses?: string;
  /** A recognition's deferred entry; absent on every other kind. */
  readonly recognizes?: string;
  /** A recognition's dispatched shipment, which earned the revenue; absent on every other kind. */
  readonly shipmentId?: string;
}

/**
 * One immutable, balanced entry in an order's revenue ledger (see `Sale`, which records them). It
 * has no behaviour after it is recorded: a correction is a new entry (a reversal), never an edit.
 */
export class RevenueEvent {
  private constructor(private readonly state: RevenueEventSnapshot) {}

  /** Money expected for an order, not yet earned: receivable on one side, deferred revenue on the other. */
  static defer(input: { id: string; orderId: string; amount: Money; recordedAt: Date }): RevenueEvent {
    const { id, orderId, amount, recordedAt } = input;
    if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) throw new RevenueAmountNotPositive(orderId, amount.amount);
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount },
      { account: 'deferred_revenue', side: 'credit', amount },
    ];
    return RevenueEvent.restore({ id, orderId, kind: 'deferred', amount, recordedAt, lines });
  }

  /**
   * The deferred revenue of an order whose goods have left: the same amount, from deferred revenue
   * to revenue. The deferred entry itself stays as it was.
   */
  static recognize(deferred: RevenueEvent, input: { id: string; shipmentId: string; recordedAt: Date }): RevenueEvent {
    if (deferred.kind !== 'deferred') throw new RevenueNotRecognizable(deferred.id, deferred.kind);
    const { id, shipmentId, recordedAt } = input;
    const { orderId, amount } = deferred;
    const lines: LedgerLine[] = [
      { account: 'deferred_revenue', side: 'debit', amount },
      { account: 'revenue', side: 'credit', amount },
    ];
    return RevenueEvent.restore({ id, orderId, kind: 'recognized', amount, recordedAt, lines, recognizes: deferred.id, shipmentId });
  }

  /**
   * The deferred revenue of an order that will not be paid after all: the same amount, back from
   * deferred revenue to receivable. The deferred entry itself stays as it was.
   */
  static reverse(deferred: RevenueEvent, input: { id: string; recordedAt: Date }): RevenueEvent {
    if (deferred.kind !== 'deferred') throw new RevenueNotReversible(deferred.id, deferred.kind);
    const { id, recordedAt } = input;
    const { orderId, amount } = deferred;
    const lines: LedgerLine[] = [
      { account: 'deferred_revenue', side: 'debit', amount },
      { account: 'accounts_receivable', side: 'credit', amount },
    ];
    return RevenueEvent.restore({ id, orderId, kind: 'reversal', amount, recordedAt, lines, reverses: deferred.id });
  }

  /** An entry as recorded, checked again: it must balance. */
  static restore(snapshot: RevenueEventSnapshot): RevenueEvent {
    const lines = balancedLines(snapshot.lines, snapshot.amount.currency);
    const amount = Object.freeze({ ...snapshot.amount });
    return new RevenueEvent(Object.freeze({ ...snapshot, amount, lines }));
  }

  get id(): string {
    return this.state.id;
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get kind(): RevenueEventKind {
    return this.state.kind;
  }

  get amount(): Money {
    return this.state.amount;
  }

  get recordedAt(): Date {
    return this.state.recordedAt;
  }

  get lines(): readonly LedgerLine[] {
    return this.state.lines;
  }

  snapshot(): RevenueEventSnapshot {
    return this.state;
  }
}
