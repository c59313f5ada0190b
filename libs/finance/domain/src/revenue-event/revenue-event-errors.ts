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

/** Only expected revenue can be earned: a recognition moves a deferred entry's amount, nothing else. */
export class RevenueNotRecognizable extends DomainError {
  readonly code = 'revenue_not_recognizable';
  readonly kind = 'invalid' as const;

  constructor(revenueEventId: string, kind: string) {
    super(`Revenue entry ${revenueEventId} is ${kind}: only a deferred entry can be recognized`);
  }
}
