import { invoiceNumber } from '../invoice/invoice-number';
import { formatSellerInvoiceNumber, SellerInvoice, SellerInvoiceContent } from './seller-invoice';

const content = (overrides: Partial<SellerInvoiceContent> = {}): SellerInvoiceContent => ({
  id: 'inv-1',
  number: invoiceNumber(2026, 7),
  subscriptionId: 'sub-1',
  sellerId: 'seller-1',
  billingAccountId: 'ba-1',
  plan: 'standard',
  period: { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-31T00:00:00Z') },
  lines: [{ lineNo: 1, description: 'standard plan', amount: { amount: 2900, currency: 'EUR' } }],
  total: { amount: 2900, currency: 'EUR' },
  issuedAt: new Date('2026-12-01T00:00:01Z'),
  ...overrides,
});

describe('SellerInvoice', () => {
  it('is issued with its content frozen and records SellerInvoiceIssued', () => {
    const invoice = SellerInvoice.issue(content());

    expect(Object.isFrozen(invoice.content)).toBe(true);
    expect(invoice.pendingEvents).toEqual([{ type: 'SellerInvoiceIssued', content: invoice.content, occurredAt: new Date('2026-12-01T00:00:01Z') }]);
    expect(formatSellerInvoiceNumber(invoice.content.number)).toBe('S2026-000007');
  });

  it('refuses lines that do not add up, are not numbered from 1, or mix currencies', () => {
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    expect(() => SellerInvoice.issue(content({ total: eur(3000) }))).toThrow(expect.objectContaining({ code: 'seller_invoice_lines_invalid' }));
    expect(() => SellerInvoice.issue(content({ lines: [{ lineNo: 2, description: 'x', amount: eur(2900) }] }))).toThrow('numbered 2');
    expect(() => SellerInvoice.issue(content({ lines: [{ lineNo: 1, description: 'x', amount: { amount: 2900, currency: 'USD' } }] }))).toThrow('Cannot add USD');
    expect(() => SellerInvoice.issue(content({ lines: [] }))).toThrow('no lines');
  });

  it('bears a number of the year it is issued in', () => {
    expect(() => SellerInvoice.issue(content({ issuedAt: new Date('2027-01-01T00:00:00Z') }))).toThrow(expect.objectContaining({ code: 'invoice_number_of_another_year' }));
  });
});
