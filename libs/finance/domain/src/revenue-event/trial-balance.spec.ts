import { LedgerLine } from './ledger-line';
import { trialBalanceOf } from './trial-balance';

const line = (account: LedgerLine['account'], side: LedgerLine['side'], amount: number, currency = 'EUR'): LedgerLine => ({ account, side, amount: { amount, currency } });

describe('Trial balance', () => {
  it('adds up debits and credits per account and currency, and per currency, sorted', () => {
    const balance = trialBalanceOf([
      line('accounts_receivable', 'debit', 3399),
      line('deferred_revenue', 'credit', 3399),
      line('accounts_receivable', 'debit', 500, 'GBP'),
      line('deferred_revenue', 'credit', 500, 'GBP'),
      line('deferred_revenue', 'debit', 3399),
      line('revenue', 'credit', 3399),
    ]);

    expect(balance).toEqual({
      accounts: [
        { account: 'accounts_receivable', currency: 'EUR', debits: 3399, credits: 0 },
        { account: 'deferred_revenue', currency: 'EUR', debits: 3399, credits: 3399 },
        { account: 'revenue', currency: 'EUR', debits: 0, credits: 3399 },
        { account: 'accounts_receivable', currency: 'GBP', debits: 500, credits: 0 },
        { account: 'deferred_revenue', currency: 'GBP', debits: 0, credits: 500 },
      ],
      totals: [
        { currency: 'EUR', debits: 6798, credits: 6798 },
        { currency: 'GBP', debits: 500, credits: 500 },
      ],
    });
  });

  it('is empty for an empty ledger', () => {
    expect(trialBalanceOf([])).toEqual({ accounts: [], totals: [] });
  });
});
