import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { financeFakes } from '../testing/finance-fakes';

describe('Get an invoice', () => {
  it('answers the invoice with its number, lines, total and payment state', async () => {
    const finance = financeFakes({ idPrefix: 'id' });
    await finance.defer.execute({ orderId: 'order-1', terms: someTerms() });
    await finance.recognize.execute({ orderId: 'order-1', ...someDispatch() });
    const [listed] = await finance.listInvoices.execute({ orderId: 'order-1' });

    expect(await finance.getInvoice.execute({ invoiceId: listed!.invoiceId })).toEqual(listed);
    expect(listed).toMatchObject({ invoiceNumber: '2026-000001', lines: someTerms().lines, total: someTerms().total, paymentState: 'authorized' });
  });

  it('refuses an unknown invoice as not found', async () => {
    await expect(financeFakes().getInvoice.execute({ invoiceId: 'nope' })).rejects.toMatchObject({ code: 'invoice_not_found', kind: 'not_found' });
  });
});
