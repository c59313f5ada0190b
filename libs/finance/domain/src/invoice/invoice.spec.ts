import { anInvoiceContent, anIssuedInvoice } from '../testing/invoice.builder';
import { Invoice } from './invoice';
import { invoiceNumber } from './invoice-number';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('An invoice', () => {
  it('is issued for the order’s lines and total, awaiting capture of the authorized payment', () => {
    const invoice = anIssuedInvoice();

    expect(invoice.snapshot()).toEqual({ content: anInvoiceContent(), paymentState: 'authorized' });
  });

  it('records InvoiceIssued with its number, buyer, lines and total', () => {
    const content = anInvoiceContent();

    expect(anIssuedInvoice().pendingEvents).toEqual([
      {
        type: 'InvoiceIssued',
        invoiceId: content.id,
        number: { year: 2026, sequence: 42 },
        orderId: content.orderId,
        buyerId: 'buyer-42',
        lines: content.lines,
        total: eur(3399),
        occurredAt: content.issuedAt,
      },
    ]);
  });

  it('cannot be changed once issued: its content is frozen to the amounts', () => {
    const { content } = anIssuedInvoice();

    expect(Object.isFrozen(content)).toBe(true);
    expect(Object.isFrozen(content.number)).toBe(true);
    expect(Object.isFrozen(content.lines)).toBe(true);
    expect(Object.isFrozen(content.lines[0]!.unitPrice)).toBe(true);
    expect(Object.isFrozen(content.total)).toBe(true);
  });

  it.each([
    ['a number of the year before', invoiceNumber(2025, 1), '2026-01-01T00:00:00.000Z'],
    ['a number of the year after', invoiceNumber(2027, 1), '2026-12-31T23:59:59.999Z'],
    ['a number of the local year, not the UTC one', invoiceNumber(2026, 1), '2026-12-31T23:30:00.000-01:00'],
  ])('refuses %s', (_case, number, issuedAt) => {
    expect(() => anIssuedInvoice({ number, issuedAt: new Date(issuedAt) })).toThrow(expect.objectContaining({ code: 'invoice_number_of_another_year' }));
  });

  it('refuses lines that do not add up to its total', () => {
    expect(() => anIssuedInvoice({ total: eur(3398) })).toThrow(expect.objectContaining({ code: 'priced_lines_invalid' }));
  });

  it('refuses to bill nobody', () => {
    expect(() => anIssuedInvoice({ buyerId: ' ' })).toThrow(expect.objectContaining({ code: 'invoice_buyer_missing' }));
  });

  it('is read back as issued, recording nothing', () => {
    const restored = Invoice.restore(anIssuedInvoice().snapshot(), 1);

    expect(restored.snapshot()).toEqual(anIssuedInvoice().snapshot());
    expect(restored.pendingEvents).toEqual([]);
  });
});
