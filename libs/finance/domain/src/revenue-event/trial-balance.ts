import { compareText } from './compare-text';
import { LedgerAccount, LedgerLine } from './ledger-line';

/** What every line on one account in one currency adds up to. */
export interface AccountTotals {
  readonly account: LedgerAccount;
  readonly currency: string;
  readonly debits: number;
  readonly credits: number;
}

/** What every line in one currency adds up to; debits equal credits when every entry balances. */
export interface CurrencyTotals {
  readonly currency: string;
  readonly debits: number;
  readonly credits: number;
}

/** Every account's debits and credits, and the totals per currency (amounts never mix currencies). */
export interface TrialBalance {
  /** Sorted by currency, then account. */
  readonly accounts: readonly AccountTotals[];
  /** Sorted by currency. */
  readonly totals: readonly CurrencyTotals[];
}

/** Adds up ledger lines into a trial balance. */
export function trialBalanceOf(lines: Iterable<LedgerLine>): TrialBalance {
  const accounts = new Map<string, { account: LedgerAccount; currency: string; debits: number; credits: number }>();
  const totals = new Map<string, { currency: string; debits: number; credits: number }>();
  for (const { account, side, amount } of lines) {
    const key = `${amount.currency} ${account}`;
    const onAccount = accounts.get(key) ?? { account, currency: amount.currency, debits: 0, credits: 0 };
    const inCurrency = totals.get(amount.currency) ?? { currency: amount.currency, debits: 0, credits: 0 };
    const field = side === 'debit' ? 'debits' : 'credits';
    onAccount[field] += amount.amount;
    inCurrency[field] += amount.amount;
    accounts.set(key, onAccount);
    totals.set(amount.currency, inCurrency);
  }
  return {
    accounts: [...accounts.values()].sort((a, b) => compareText(a.currency, b.currency) || compareText(a.account, b.account)),
    totals: [...totals.values()].sort((a, b) => compareText(a.currency, b.currency)),
  };
}
