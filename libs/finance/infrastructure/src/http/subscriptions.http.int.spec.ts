import { randomUUID } from 'node:crypto';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, TopicTap, withData } from '@bazaar/platform-testing';
import { EventHeaders, SubscriptionStartedV1, Topics } from '@bazaar/published-language';
import { defaultFinanceSettings, FinanceSettings } from '../finance-settings';
import { financeService } from '../finance.service';

interface SubscriptionJson {
  subscriptionId: string;
  sellerId: string;
  status: string;
  plan: string;
  price: { amount: number; currency: string };
  currentPeriod: { start: string; end: string };
  invoices: { invoiceNumber: string; period: { start: string; end: string }; total: { amount: number } }[];
}

const periodMs = 1_500;
// No legacy billing system listens here: what the ACL queues simply waits.
const settings: FinanceSettings = {
  subscriptions: { ...defaultFinanceSettings.subscriptions, periodMs, renewalIntervalMs: 100 },
  legacyBilling: { ...defaultFinanceSettings.legacyBilling, baseUrl: 'http://127.0.0.1:9', pollIntervalMs: 200, timeoutMs: 200 },
};

describe('Finance subscriptions over HTTP', () => {
  let finance: ServiceUnderTest;
  let subscriptionEvents: TopicTap;

  beforeAll(async () => {
    // Two replicas share the renewals: each due subscription is taken by one of them.
    finance = await ServiceUnderTest.start((config) => financeService(config, settings), { instances: 2 });
    subscriptionEvents = await finance.namespace.tap(Topics.financeSubscriptions);
  });

  afterAll(async () => {
    await finance?.stop();
  });

  const start = async (body: unknown) => finance.post<SubscriptionJson>('/subscriptions', body);

  it('starts a subscription: 201 with its first period invoiced, published as SubscriptionStarted', async () => {
    const sellerId = `seller-${randomUUID()}`;
    const answer = await start({ sellerId, plan: 'standard' });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ sellerId, plan: 'standard', status: 'active', price: { amount: 2900, currency: 'EUR' } });
    expect(answer.body.invoices).toHaveLength(1);
    expect(answer.body.invoices[0]).toMatchObject({ invoiceNumber: expect.stringMatching(/^S\d{4}-\d{6}$/), period: answer.body.currentPeriod, total: { amount: 2900 } });

    const [published] = await subscriptionEvents.waitFor(withData('subscriptionId', answer.body.subscriptionId));
    expect(published!.headers[EventHeaders.type]).toBe('finance.subscription-started.v1');
    expect(SubscriptionStartedV1.parse(published!.body).data).toMatchObject({ sellerId, plan: 'standard', periodStart: answer.body.currentPeriod.start });
  });

  it('renews at each period end, one invoice per period without gaps, until cancelled', async () => {
    const { body } = await start({ sellerId: `seller-${randomUUID()}`, plan: 'basic' });

    const renewed = await eventually(async () => {
      const current = (await finance.get<SubscriptionJson>(`/subscriptions/${body.subscriptionId}`)).body;
      expect(current.invoices.length).toBeGreaterThanOrEqual(3);
      return current;
    });
    const periods = renewed.invoices.map((invoice) => invoice.period);
    periods.slice(1).forEach((period, index) => expect(period.start).toBe(periods[index]!.end));

    const cancelled = await finance.post<SubscriptionJson>(`/subscriptions/${body.subscriptionId}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const invoicedWhenCancelled = cancelled.body.invoices.length;

    // A witness started after the cancellation renews twice: the renewals ran for more than a period since.
    const witness = (await start({ sellerId: `seller-${randomUUID()}`, plan: 'basic' })).body;
    await eventually(async () => expect((await finance.get<SubscriptionJson>(`/subscriptions/${witness.subscriptionId}`)).body.invoices.length).toBeGreaterThanOrEqual(3));
    expect((await finance.get<SubscriptionJson>(`/subscriptions/${body.subscriptionId}`)).body.invoices).toHaveLength(invoicedWhenCancelled);
    expect(await finance.count(`seller_invoices WHERE subscription_id = $1`, [body.subscriptionId])).toBe(invoicedWhenCancelled);
  });

  it('numbers seller invoices 1..n without gaps across both replicas', async () => {
    const { rows } = await finance.query<{ sequence: number }>('SELECT sequence FROM seller_invoices ORDER BY sequence');
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
  });

  it('refuses bad input as problem+json and writes nothing', async () => {
    const before = await finance.count('subscriptions');

    const missing = await start({ plan: 'standard' });
    const unknownPlan = await finance.post<{ code: string }>('/subscriptions', { sellerId: 'seller-x', plan: 'gold' });
    const badPaymentRef = await finance.post<{ code: string }>('/subscriptions', { sellerId: 'seller-y', plan: 'basic', paymentMethodRef: '4111 1111 1111 1111' });
    const notAnId = await finance.get('/subscriptions/nope');
    const unknown = await finance.get<{ code: string }>(`/subscriptions/${randomUUID()}`);

    expect([missing.status, unknownPlan.status, badPaymentRef.status, notAnId.status, unknown.status]).toEqual([400, 422, 422, 400, 404]);
    expect(unknownPlan.contentType).toContain('application/problem+json');
    expect([unknownPlan.body.code, badPaymentRef.body.code, unknown.body.code]).toEqual(['plan_unknown', 'payment_method_ref_invalid', 'subscription_not_found']);
    expect(await finance.count('subscriptions')).toBe(before);
    expect(await finance.count(`billing_accounts WHERE seller_id IN ('seller-x', 'seller-y')`)).toBe(0);
  });

  it('refuses a second cancellation with 409', async () => {
    const { body } = await start({ sellerId: `seller-${randomUUID()}`, plan: 'premium' });
    await finance.post(`/subscriptions/${body.subscriptionId}/cancel`, {});

    const again = await finance.post(`/subscriptions/${body.subscriptionId}/cancel`, {});

    expect(again.status).toBe(409);
    expect(again.body['code']).toBe('subscription_already_cancelled');
  });

  it('lists every invoice as unreconciled while the legacy billing system cannot be reached', async () => {
    const reconciliation = await finance.get<{ invoices: { invoiceNumber: string; ageSeconds: number; linesRecorded: number }[] }>('/reconciliation');

    expect(reconciliation.status).toBe(200);
    expect(reconciliation.body.invoices.length).toBe(await finance.count('seller_invoices'));
    expect(reconciliation.body.invoices.every((invoice) => invoice.linesRecorded === 0 && invoice.ageSeconds >= 0)).toBe(true);
  });
});
