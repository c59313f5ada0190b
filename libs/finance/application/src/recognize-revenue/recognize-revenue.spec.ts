import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { financeFakes, FinanceFakes } from '../testing/finance-fakes';
import { InMemoryInvoices } from '../testing/in-memory-invoices';
import { RecognizeRevenue } from './recognize-revenue.command';

describe('Recognize revenue', () => {
  const eur3399 = { amount: 3399, currency: 'EUR' };
  const dispatchOf = (orderId: string): RecognizeRevenue => ({ orderId, ...someDispatch() });
  let finance: FinanceFakes;

  beforeEach(() => {
    finance = financeFakes({ idPrefix: 'id', now: new Date('2026-11-22T14:00:00.150Z') });
  });

  const paid = (orderId: string) => finance.defer.execute({ orderId, terms: someTerms() });

  it('moves the order’s deferred amount to revenue in a balanced entry naming the deferred entry and the shipment, and answers its id', async () => {
    await paid('order-1');

    expect(await finance.recognize.execute(dispatchOf('order-1'))).toBe('id-2');

    const [, recognized] = await finance.listRevenueEvents.execute({ orderId: 'order-1' });
    expect(recognized).toEqual({
      revenueEventId: 'id-2',
      orderId: 'order-1',
      kind: 'recognized',
      amount: eur3399,
      recordedAt: finance.clock.now(),
      recognizesRevenueEventId: 'id-1',
      shipmentId: someDispatch().shipmentId,
      lines: [
        { account: 'deferred_revenue', side: 'debit', amount: eur3399 },
        { account: 'revenue', side: 'credit', amount: eur3399 },
      ],
    });
  });

  it('issues the buyer’s invoice for the order’s lines, numbered first of its year, awaiting capture', async () => {
    await paid('order-1');

    await finance.recognize.execute(dispatchOf('order-1'));

    expect(await finance.listInvoices.execute({ orderId: 'order-1' })).toEqual([
      {
        invoiceId: 'id-3',
        invoiceNumber: '2026-000001',
        orderId: 'order-1',
        buyerId: 'buyer-42',
        lines: someTerms().lines,
        total: eur3399,
        issuedAt: finance.clock.now(),
        paymentState: 'authorized',
      },
    ]);
  });

  it('publishes RevenueRecognized and InvoiceIssued', async () => {
    await paid('order-1');

    await finance.recognize.execute(dispatchOf('order-1'));

    expect(finance.sales.published.at(-1)).toEqual({
      type: 'RevenueRecognized',
      revenueEventId: 'id-2',
      deferredRevenueEventId: 'id-1',
      orderId: 'order-1',
      shipmentId: someDispatch().shipmentId,
      amount: eur3399,
      occurredAt: finance.clock.now(),
    });
    expect(finance.invoices.published).toEqual([
      expect.objectContaining({ type: 'InvoiceIssued', invoiceId: 'id-3', number: { year: 2026, sequence: 1 }, orderId: 'order-1', total: eur3399 }),
    ]);
  });

  it('changes nothing when the order’s revenue is already recognized: one entry, one invoice', async () => {
    await paid('order-1');
    await finance.recognize.execute(dispatchOf('order-1'));

    expect(await finance.recognize.execute({ ...dispatchOf('order-1'), shipmentId: 'another-shipment' })).toBe('id-2');

    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toHaveLength(2);
    expect(finance.invoices.numbers).toEqual(['2026-000001']);
    expect(finance.sales.published).toHaveLength(2);
  });

  it('before the payment is known: remembers the dispatch, records no entry and no invoice, and answers nothing yet', async () => {
    expect(await finance.recognize.execute(dispatchOf('order-1'))).toBeUndefined();

    expect(await finance.listRevenueEvents.execute({ orderId: 'order-1' })).toEqual([]);
    expect(finance.invoices.numbers).toEqual([]);
    expect(finance.sales.all()).toEqual([expect.objectContaining({ orderId: 'order-1', dispatch: someDispatch() })]);
  });

  it('refuses a dispatch of an order whose revenue was reversed, recording nothing', async () => {
    await paid('order-1');
    await finance.reverse.execute({ orderId: 'order-1' });

    await expect(finance.recognize.execute(dispatchOf('order-1'))).rejects.toMatchObject({ code: 'revenue_already_reversed' });
    expect(finance.invoices.numbers).toEqual([]);
    expect(finance.sales.all()[0]!.dispatch).toBeNull();
  });

  it('numbers invoices one after another in their year, and from 1 again in the next (UTC)', async () => {
    for (const orderId of ['order-1', 'order-2', 'order-3']) await paid(orderId);

    await finance.recognize.execute(dispatchOf('order-1'));
    await finance.recognize.execute(dispatchOf('order-2'));
    finance.clock.set(new Date('2027-01-01T00:00:00.000Z'));
    await finance.recognize.execute(dispatchOf('order-3'));

    expect(finance.invoices.numbers).toEqual(['2026-000001', '2026-000002', '2027-000001']);
  });

  it('recognizes nothing and burns no number when the invoice cannot be written', async () => {
    /** A store that fails the first invoice it is given, as a database that lost its connection would. */
    class FailingOnce extends InMemoryInvoices {
      #failed = false;
      override async addAll(...args: Parameters<InMemoryInvoices['addAll']>): Promise<void> {
        if (!this.#failed) {
          this.#failed = true;
          throw new Error('connection lost');
        }
        return super.addAll(...args);
      }
    }
    finance = financeFakes({ idPrefix: 'id', invoices: new FailingOnce() });
    await paid('order-1');
    await paid('order-2');

    await expect(finance.recognize.execute(dispatchOf('order-1'))).rejects.toThrow('connection lost');
    expect((await finance.listRevenueEvents.execute({ orderId: 'order-1' })).map((entry) => entry.kind)).toEqual(['deferred']);

    await finance.recognize.execute(dispatchOf('order-2'));
    await finance.recognize.execute(dispatchOf('order-1'));
    expect(finance.invoices.numbers).toEqual(['2026-000001', '2026-000002']);
  });
});
