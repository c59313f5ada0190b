import { formatSellerInvoiceNumber, PlanCatalogue, periodLength } from '@bazaar/finance-domain';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { CancelSubscriptionHandler } from '../cancel-subscription/cancel-subscription.handler';
import { RenewDueSubscriptionsHandler } from '../renew-due-subscriptions/renew-due-subscriptions.handler';
import { PeriodInvoicing } from '../shared/period-invoicing';
import { InMemorySubscriptionBooks } from '../testing/in-memory-subscription-books';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';
import { StartSubscriptionHandler } from './start-subscription.handler';

const hour = 3600_000;
const start = new Date('2026-12-01T00:00:00Z');

function subscriptionsApp() {
  const books = new InMemorySubscriptionBooks();
  const clock = new FixedClock(start);
  const ids = new SequentialIds('id');
  const unitOfWork = new InMemoryUnitOfWork(books);
  const catalogue = new PlanCatalogue([{ code: 'standard', price: { amount: 2900, currency: 'EUR' } }]);
  const invoicing = new PeriodInvoicing(books.invoices, books.numbers, ids);
  return {
    books,
    clock,
    startSubscription: new StartSubscriptionHandler(books.subscriptions, books.accounts, invoicing, catalogue, periodLength(hour), unitOfWork, clock, ids),
    renewDue: new RenewDueSubscriptionsHandler(books.subscriptions, books.accounts, invoicing, unitOfWork, clock),
    cancel: new CancelSubscriptionHandler(books.subscriptions, clock),
  };
}

describe('Subscriptions, started, renewed and cancelled', () => {
  it('starting opens the seller’s billing account once and invoices the first period', async () => {
    const app = subscriptionsApp();

    await app.startSubscription.execute({ sellerId: 'seller-1', plan: 'standard' });
    await app.startSubscription.execute({ sellerId: 'seller-1', plan: 'standard' });

    expect(app.books.events).toEqual(['BillingAccountOpened', 'SubscriptionStarted', 'SellerInvoiceIssued', 'SubscriptionStarted', 'SellerInvoiceIssued']);
    expect(app.books.issuedInvoices.map((invoice) => formatSellerInvoiceNumber(invoice.number))).toEqual(['S2026-000001', 'S2026-000002']);
    expect(app.books.issuedInvoices[0]).toMatchObject({ sellerId: 'seller-1', total: { amount: 2900, currency: 'EUR' }, period: { start, end: new Date(start.getTime() + hour) } });
  });

  it('refuses an unknown plan and writes nothing', async () => {
    const app = subscriptionsApp();

    await expect(app.startSubscription.execute({ sellerId: 'seller-1', plan: 'gold' })).rejects.toMatchObject({ code: 'plan_unknown' });
    expect(app.books.events).toEqual([]);
  });

  it('renews each due subscription per period ended, each period with its own invoice, and none not yet due', async () => {
    const app = subscriptionsApp();
    const due = await app.startSubscription.execute({ sellerId: 'seller-1', plan: 'standard' });
    app.clock.set(new Date(start.getTime() + 1.5 * hour));
    await app.startSubscription.execute({ sellerId: 'seller-2', plan: 'standard' });
    app.clock.set(new Date(start.getTime() + 2.5 * hour));

    expect(await app.renewDue.execute({ limit: 100 })).toBe(3);
    expect(await app.renewDue.execute({ limit: 100 })).toBe(0);

    const periods = app.books.issuedInvoices.filter((invoice) => invoice.subscriptionId === due).map((invoice) => invoice.period.start.getTime() - start.getTime());
    expect(periods).toEqual([0, hour, 2 * hour]);
  });

  it('never renews a cancelled subscription', async () => {
    const app = subscriptionsApp();
    const subscriptionId = await app.startSubscription.execute({ sellerId: 'seller-1', plan: 'standard' });
    await app.cancel.execute({ subscriptionId });
    app.clock.set(new Date(start.getTime() + 5 * hour));

    expect(await app.renewDue.execute({ limit: 100 })).toBe(0);
    await expect(app.cancel.execute({ subscriptionId })).rejects.toMatchObject({ code: 'subscription_already_cancelled' });
  });
});
