import { Money } from '@bazaar/shared-kernel';
import { LedgerEntryUnbalanced, LedgerLineInvalid } from './revenue-event-errors';

/**
 * The accounts revenue moves through: the buyer owes the order's total (`accounts_receivable`)
 * from the authorization; it is owed to the buyer as goods (`deferred_revenue`) until dispatch,
 * when it becomes earned `revenue`.
 */
export const ledgerAccounts = ['accounts_receivable', 'deferred_revenue', 'revenue'] as const;
export type LedgerAccount = (typeof ledgerAccounts)[number];

export type LedgerSide = 'debit' | 'credit';

export interface LedgerLine {
  readonly account: LedgerAccount;
  readonly side: LedgerSide;
  readonly amount: Money;
}

/**
 * The double-entry rule, checked whenever an entry is made or read back: at least one debit and
 * one credit, positive amounts in the entry's currency, and debits equal to credits.
 */
export function balancedLines(lines: readonly LedgerLine[], currency: string): readonly LedgerLine[] {
  const total = { debit: 0, credit: 0 };
  for (const { amount, side } of lines) {
    if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
      throw new LedgerLineInvalid(`amount must be positive minor units, got ${amount.amount}`);
    }
    if (amount.currency !== currency) throw new LedgerLineInvalid(`${amount.currency} in an entry kept in ${currency}`);
    total[side] += amount.amount;
  }
  if (total.debit !== total.credit || total.debit === 0) throw new LedgerEntryUnbalanced(total.debit, total.credit, currency);
  return Object.freeze(lines.map((line) => Object.freeze({ ...line, amount: Object.freeze({ ...line.amount }) })));
}
