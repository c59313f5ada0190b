import { balancedLines, LedgerLine } from './ledger-line';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('Ledger lines', () => {
  it('accept debits that equal credits', () => {
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount: eur(700) },
      { account: 'deferred_revenue', side: 'credit', amount: eur(500) },
      { account: 'deferred_revenue', side: 'credit', amount: eur(200) },
    ];

    expect(balancedLines(lines, 'EUR')).toEqual(lines);
  });

  it('refuse debits that differ from credits', () => {
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount: eur(700) },
      { account: 'deferred_revenue', side: 'credit', amount: eur(699) },
    ];

    expect(() => balancedLines(lines, 'EUR')).toThrow(expect.objectContaining({ code: 'ledger_entry_unbalanced' }));
  });

  it('refuse an entry with no lines', () => {
    expect(() => balancedLines([], 'EUR')).toThrow(expect.objectContaining({ code: 'ledger_entry_unbalanced' }));
  });

  it('refuse a line in another currency than the entry', () => {
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount: { amount: 700, currency: 'USD' } },
      { account: 'deferred_revenue', side: 'credit', amount: { amount: 700, currency: 'USD' } },
    ];

    expect(() => balancedLines(lines, 'EUR')).toThrow(expect.objectContaining({ code: 'ledger_line_invalid' }));
  });

  it('refuse a line that moves nothing or a negative amount', () => {
    const lines: LedgerLine[] = [
      { account: 'accounts_receivable', side: 'debit', amount: eur(0) },
      { account: 'deferred_revenue', side: 'credit', amount: eur(0) },
    ];

    expect(() => balancedLines(lines, 'EUR')).toThrow(expect.objectContaining({ code: 'ledger_line_invalid' }));
  });
});
