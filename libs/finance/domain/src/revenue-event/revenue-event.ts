import { AggregateRoot, Money } from '@bazaar/shared-kernel';
import { LedgerEvent } from './ledger-events';
import { balancedLines, LedgerLine } from './ledger-line';
import { RevenueAmountNotPositive, RevenueNotReversible } from './revenue-event-errors';
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
}

/**
 * Finance's "order": one immutable, balanced entry in an order's revenue ledger. It has no
 * behaviour after it is recorded: a correction is a new entry (a reversal), never an edit.
 */
export class RevenueEvent extends AggregateRoot<LedgerEvent> {
  private constructor(
    private readonly state: RevenueEventSnapshot,
    version: number,
  ) {
    super(version);
  }

  /** Money expected for an order, not yet earned: receivable on one side, deferred revenue on the other. */
  static defer(input: { id: string; orderId: string; amount: Money; recordedAt: Date }): RevenueEvent {
    const { id, orderId, amount, recordedAt } = input;
    if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) throw new RevenueAmountNotPositive(orderId, amount.amount);
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount },
      { account: 'deferred_revenue', side: 'credit', amount },
    ];
    const entry = RevenueEvent.of({ id, orderId, kind: 'deferred', amount, recordedAt, lines }, 0);
    entry.record({ type: 'RevenueDeferred', revenueEventId: id, orderId, amount: entry.amount, occurredAt: recordedAt });
    return entry;
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
    const entry = RevenueEvent.of({ id, orderId, kind: 'reversal', amount, recordedAt, lines, reverses: deferred.id }, 0);
    entry.record({ type: 'RevenueReversed', revenueEventId: id, reversedRevenueEventId: deferred.id, orderId, amount, occurredAt: recordedAt });
    return entry;
  }

  /** A recorded entry read back; recorded entries never change, so they stay at version 1. */
  static restore(snapshot: RevenueEventSnapshot): RevenueEvent {
    return RevenueEvent.of(snapshot, 1);
  }

  private static of(snapshot: RevenueEventSnapshot, version: number): RevenueEvent {
    const lines = balancedLines(snapshot.lines, snapshot.amount.currency);
    const amount = Object.freeze({ ...snapshot.amount });
    return new RevenueEvent(Object.freeze({ ...snapshot, amount, lines }), version);
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

  get lines(): readonly LedgerLine[] {
    return this.state.lines;
  }

  snapshot(): RevenueEventSnapshot {
    return this.state;
  }
}
