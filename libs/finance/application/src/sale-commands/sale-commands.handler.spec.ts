import fc from 'fast-check';
import { someDispatch, someTerms } from '@bazaar/finance-domain/testing';
import { financeFakes, FinanceFakes } from '../testing/finance-fakes';
import { SaleCommand } from './sale-command';

describe('Sale commands, many in one batch', () => {
  const paid = (orderId: string, cause?: unknown): SaleCommand => ({ kind: 'defer', orderId, terms: someTerms(), cause });
  const dispatched = (orderId: string, cause?: unknown): SaleCommand => ({ kind: 'recognize', orderId, ...someDispatch(), cause });
  const cancelled = (orderId: string, cause?: unknown): SaleCommand => ({ kind: 'reverse', orderId, cause });
  const kindsOf = async (finance: FinanceFakes, orderId: string) => (await finance.listRevenueEvents.execute({ orderId })).map((entry) => entry.kind);

  it('defers many orders with one read and one write, answering each deferred entry’s id in the order given', async () => {
    const finance = financeFakes({ idPrefix: 'entry' });
    const orders = Array.from({ length: 50 }, (_, i) => `order-${i}`);

    const answers = await finance.saleCommands.execute(orders.map((orderId) => paid(orderId)));

    expect(answers).toEqual(orders.map((_, i) => `entry-${i + 1}`));
    expect(finance.sales.calls).toEqual({ byOrders: 1, saveAll: 1 });
    expect(finance.sales.published.map((event) => event.orderId)).toEqual(orders);
    for (const orderId of orders) expect(await kindsOf(finance, orderId)).toEqual(['deferred']);
    expect(finance.invoices.calls).toBe(0);
  });

  it('recognizes and invoices many dispatched orders in one write of invoices, numbered in the order the dispatches came', async () => {
    const finance = financeFakes();
    await finance.saleCommands.execute(['order-1', 'order-2', 'order-3'].map((orderId) => paid(orderId)));

    await finance.saleCommands.execute([dispatched('order-3'), dispatched('order-1'), dispatched('order-2')]);

    expect(finance.invoices.calls).toBe(1);
    const numberOf = async (orderId: string) => (await finance.listInvoices.execute({ orderId }))[0]?.invoiceNumber;
    expect([await numberOf('order-3'), await numberOf('order-1'), await numberOf('order-2')]).toEqual(['2026-000001', '2026-000002', '2026-000003']);
    expect(finance.sales.calls).toEqual({ byOrders: 2, saveAll: 2 });
  });

  it('a deferral and a cancellation of one order in one batch: deferred, then reversed, as one at a time', async () => {
    const batched = financeFakes({ idPrefix: 'entry' });
    const apart = financeFakes({ idPrefix: 'entry' });

    const answers = await batched.saleCommands.execute([paid('order-1'), cancelled('order-1')]);
    await apart.defer.execute({ orderId: 'order-1', terms: someTerms() });
    await apart.reverse.execute({ orderId: 'order-1' });

    expect(answers).toEqual(['entry-1', 'entry-2']);
    expect(batched.sales.all()).toEqual(apart.sales.all());
    expect(batched.sales.published).toEqual(apart.sales.published);
    expect(await kindsOf(batched, 'order-1')).toEqual(['deferred', 'reversal']);
  });

  it('a cancellation before the deferral in one batch: nothing is deferred, as one at a time', async () => {
    const finance = financeFakes();

    expect(await finance.saleCommands.execute([cancelled('order-1'), paid('order-1')])).toEqual([undefined, undefined]);

    expect(await kindsOf(finance, 'order-1')).toEqual([]);
    expect(finance.sales.all()).toEqual([expect.objectContaining({ orderId: 'order-1', cancelledAt: finance.clock.now(), terms: null })]);
  });

  it('a dispatch, then the payment, in one batch: deferred, recognized and invoiced at once', async () => {
    const finance = financeFakes({ idPrefix: 'id' });

    expect(await finance.saleCommands.execute([dispatched('order-1'), paid('order-1')])).toEqual([undefined, 'id-1']);

    expect(await kindsOf(finance, 'order-1')).toEqual(['deferred', 'recognized']);
    expect(finance.invoices.numbers).toEqual(['2026-000001']);
    expect(finance.sales.calls.saveAll).toBe(1);
  });

  it('a payment, then its dispatch, in one batch: recognized after the deferral, the dispatch answering the recognition', async () => {
    const finance = financeFakes({ idPrefix: 'id' });

    expect(await finance.saleCommands.execute([paid('order-1'), dispatched('order-1')])).toEqual(['id-1', 'id-2']);

    expect(await kindsOf(finance, 'order-1')).toEqual(['deferred', 'recognized']);
    expect(await finance.listInvoices.execute({ orderId: 'order-1' })).toEqual([expect.objectContaining({ invoiceId: 'id-3', invoiceNumber: '2026-000001' })]);
  });

  it('takes each fact once: a repeat in the batch, or a batch heard again, changes nothing', async () => {
    const finance = financeFakes({ idPrefix: 'id' });
    const batch = [paid('order-1'), paid('order-1'), dispatched('order-1'), dispatched('order-1'), paid('order-2'), cancelled('order-2'), cancelled('order-2')];

    const first = await finance.saleCommands.execute(batch);
    const published = finance.sales.published.length;
    const again = await finance.saleCommands.execute(batch);

    expect(again).toEqual(first);
    expect(first).toEqual(['id-1', 'id-1', 'id-2', 'id-2', 'id-3', 'id-4', 'id-4']);
    expect(finance.sales.published).toHaveLength(published);
    expect(finance.invoices.numbers).toEqual(['2026-000001']);
    expect(await kindsOf(finance, 'order-1')).toEqual(['deferred', 'recognized']);
    expect(await kindsOf(finance, 'order-2')).toEqual(['deferred', 'reversal']);
  });

  it('refuses the whole batch when one command breaks a rule, writing nothing; the others alone pass and the refused one fails alone', async () => {
    const finance = financeFakes();
    await finance.saleCommands.execute([paid('order-1'), dispatched('order-1')]);
    const published = finance.sales.published.length;
    const batch = [paid('order-2'), cancelled('order-1'), paid('order-3')];

    await expect(finance.saleCommands.execute(batch)).rejects.toMatchObject({ code: 'revenue_already_recognized' });
    expect(finance.sales.published).toHaveLength(published);
    expect(await kindsOf(finance, 'order-2')).toEqual([]);

    await finance.saleCommands.execute([batch[0]!]);
    await expect(finance.saleCommands.execute([batch[1]!])).rejects.toMatchObject({ code: 'revenue_already_recognized' });
    await finance.saleCommands.execute([batch[2]!]);
    expect(await kindsOf(finance, 'order-2')).toEqual(['deferred']);
    expect(await kindsOf(finance, 'order-3')).toEqual(['deferred']);
  });

  it('hands every event on with what caused its command: the ledger’s and the invoice’s', async () => {
    const finance = financeFakes();

    await finance.saleCommands.execute([paid('order-1', 'payment message'), cancelled('order-1', 'cancellation message'), paid('order-2', 'second payment')]);
    await finance.saleCommands.execute([dispatched('order-2', 'dispatch message')]);

    expect(finance.sales.published.map((event) => [event.type, event.orderId, finance.sales.causeOf(event)])).toEqual([
      ['RevenueDeferred', 'order-1', 'payment message'],
      ['RevenueReversed', 'order-1', 'cancellation message'],
      ['RevenueDeferred', 'order-2', 'second payment'],
      ['RevenueRecognized', 'order-2', 'dispatch message'],
    ]);
    expect(finance.invoices.causeOf(finance.invoices.published[0]!)).toBe('dispatch message');
  });

  it('ends every run of commands exactly as one at a time would — or, when one at a time refuses one, refuses the batch and writes nothing', async () => {
    const command = fc.tuple(fc.constantFrom<'defer' | 'recognize' | 'reverse'>('defer', 'recognize', 'reverse'), fc.integer({ min: 1, max: 4 }));
    const history = fc.array(command, { maxLength: 8 });
    const batch = fc.array(command, { minLength: 1, maxLength: 16 });
    const toCommand = ([kind, order]: [SaleCommand['kind'], number]): SaleCommand =>
      kind === 'defer' ? paid(`order-${order}`) : kind === 'recognize' ? dispatched(`order-${order}`) : cancelled(`order-${order}`);
    /** What an order ended as, ids aside (they are drawn in another order when the invoices come last). */
    const outcome = async (finance: FinanceFakes) =>
      Promise.all(
        [1, 2, 3, 4].map(async (i) => ({
          cancelledAt: finance.sales.all().find((sale) => sale.orderId === `order-${i}`)?.cancelledAt ?? null,
          kinds: await kindsOf(finance, `order-${i}`),
          invoices: (await finance.listInvoices.execute({ orderId: `order-${i}` })).map((invoice) => invoice.invoiceNumber),
          published: finance.sales.published.filter((event) => event.orderId === `order-${i}`).map((event) => event.type),
        })),
      );

    await fc.assert(
      fc.asyncProperty(history, batch, async (before, commands) => {
        const [batched, apart] = [financeFakes(), financeFakes()];
        for (const finance of [batched, apart]) for (const earlier of before) await finance.saleCommands.execute([toCommand(earlier)]).catch(() => undefined);
        const untouched = await outcome(batched);

        let refused = false;
        const answersApart: (string | undefined)[] = [];
        for (const next of commands.map(toCommand)) {
          try {
            answersApart.push(...(await apart.saleCommands.execute([next])));
          } catch {
            refused = true;
          }
        }

        if (refused) {
          await expect(batched.saleCommands.execute(commands.map(toCommand))).rejects.toHaveProperty('code');
          expect(await outcome(batched)).toEqual(untouched);
        } else {
          const answers = await batched.saleCommands.execute(commands.map(toCommand));
          expect(answers.map((id) => id === undefined)).toEqual(answersApart.map((id) => id === undefined));
          expect(await outcome(batched)).toEqual(await outcome(apart));
        }
      }),
      { numRuns: 300 },
    );
  });
});
