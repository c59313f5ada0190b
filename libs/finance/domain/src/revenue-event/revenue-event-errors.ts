import { DomainError } from '@bazaar/shared-kernel';

/** Revenue is recorded for a positive amount of integer minor units. */
export class RevenueAmountNotPositive extends DomainError {
  readonly code = 'revenue_amount_not_positive';
  readonly kind = 'invalid' as const;

  constructor(orderId: string, amount: number) {
    super(`Revenue for order ${orderId} needs a positive amount in minor units, got ${amount}`);
  }
}

/** Every ledger line moves a positive amount in the entry's currency. */
export class LedgerLineInvalid extends DomainError {
  readonly code = 'ledger_line_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Ledger line is invalid: ${reason}`);
  }
}

/** Double entry: what an entry debits, it credits, to the minor unit. */
export class LedgerEntryUnbalanced extends DomainError {
  readonly code = 'ledger_entry_unbalanced';
  readonly kind = 'invalid' as const;

  constructor(debits: number, credits: number, currency: string) {
    super(`Ledger entry is unbalanced: debits ${debits} ≠ credits ${credits} ${currency}`);
  }
}

/** Only expected revenue can stop being expected: a reversal undoes a deferred entry, nothing else. */
export class RevenueNotReversible extends DomainError {
  readonly code = 'revenue_not_reversible';
  readonly kind = 'invalid' as const;

  constructor(revenueEventId: string, kind: string) {
    super(`Revenue entry ${revenueEventId} is ${kind}: only a deferred entry can be reversed`);
  }
}

/**
 * A cancelled, paid order whose revenue Finance never deferred: the ledger has nothing to undo. Its
 * payment-authorized event has not been recorded yet (it may sit in the dead letters); reversing
 * must wait for it rather than invent an amount.
 */
export class NoDeferredRevenueToReverse extends DomainError {
  readonly code = 'no_deferred_revenue_to_reverse';
  readonly kind = 'conflict' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} has no deferred revenue to reverse`);
  }
}
