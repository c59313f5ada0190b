import { randomUUID } from 'node:crypto';
import { describeAccessMatrix, matrixSubject, ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage } from '@bazaar/platform-testing';
import { PaymentAuthorizedV1, ShipmentDispatchedV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';

jest.setTimeout(180_000);

describe('Finance: who may call what (real tokens over HTTP, real PostgreSQL and Kafka)', () => {
  let finance: ServiceUnderTest;
  const orderId = randomUUID();
  let invoiceId: string;
  /** The matrix seller's own subscription. */
  let subscriptionId: string;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService);
    await finance.send(Topics.checkoutOrders, kafkaMessage(anEvent(PaymentAuthorizedV1, { data: { orderId } })));
    await finance.send(Topics.fulfillmentShipments, kafkaMessage(anEvent(ShipmentDispatchedV1, { data: { orderId } })));
    invoiceId = await eventually(async () => {
      const { invoices } = (await finance.get<{ invoices: { invoiceId: string; orderId: string; invoiceNumber: string }[] }>(`/invoices?orderId=${orderId}`)).body;
      // The dispatched order's one invoice, numbered in the year's series.
      expect(invoices).toEqual([expect.objectContaining({ orderId, invoiceNumber: expect.stringMatching(/^\d{4}-\d{6}$/) })]);
      return invoices[0]!.invoiceId;
    });
    const seller = matrixSubject('seller');
    const started = await finance.post<{ subscriptionId: string }>('/subscriptions', { sellerId: seller, plan: 'basic' }, {}, { role: 'seller', subject: seller });
    expect(started.status).toBe(201);
    subscriptionId = started.body.subscriptionId;
  });

  afterAll(async () => {
    await finance?.stop();
  });

  describeAccessMatrix(
    () => finance,
    [
      { route: 'GET /invoices', allowed: ['finance', 'support'], request: () => ({ path: `/invoices?orderId=${orderId}` }) },
      { route: 'GET /invoices/:invoiceId', allowed: ['finance', 'support'], request: () => ({ path: `/invoices/${invoiceId}` }) },
      { route: 'GET /ledger/balance', allowed: ['finance'], request: () => ({ path: '/ledger/balance' }) },
      { route: 'GET /revenue-events', allowed: ['finance'], request: () => ({ path: `/revenue-events?orderId=${orderId}` }) },
      { route: 'POST /subscriptions', allowed: ['seller'], request: (role) => ({ path: '/subscriptions', body: { sellerId: matrixSubject(role), plan: 'basic' } }) },
      { route: 'GET /subscriptions/:subscriptionId', allowed: ['seller', 'finance'], request: () => ({ path: `/subscriptions/${subscriptionId}` }) },
      // Cancelled by the first caller let in; the others meet a 409 (already cancelled), past the rule all the same.
      { route: 'POST /subscriptions/:subscriptionId/cancel', allowed: ['seller'], request: () => ({ path: `/subscriptions/${subscriptionId}/cancel`, body: {} }) },
      { route: 'GET /reconciliation', allowed: ['finance'], request: () => ({ path: '/reconciliation' }) },
    ],
  );

  describe('a seller’s subscriptions are their own', () => {
    it('refuses subscribing someone else (403 seller_mismatch) and hides another seller’s subscription (404), while finance reads it', async () => {
      const mine = await finance.post<{ subscriptionId: string }>('/subscriptions', { sellerId: 'seller-ada', plan: 'basic' }, {}, { role: 'seller', subject: 'seller-ada' });
      const forSomeoneElse = await finance.post<{ code: string }>('/subscriptions', { sellerId: 'seller-ada', plan: 'basic' }, {}, { role: 'seller', subject: 'seller-grace' });
      const grace = finance.as('seller', 'seller-grace');
      const peek = await grace.get<{ code: string }>(`/subscriptions/${mine.body.subscriptionId}`);
      const cancel = await grace.post<{ code: string }>(`/subscriptions/${mine.body.subscriptionId}/cancel`, {});
      const audit = await finance.as('finance', 'finance-clerk').get<{ sellerId: string; status: string }>(`/subscriptions/${mine.body.subscriptionId}`);

      expect([mine.status, forSomeoneElse.status, forSomeoneElse.body.code]).toEqual([201, 403, 'seller_mismatch']);
      expect([peek.status, peek.body.code, cancel.status, cancel.body.code]).toEqual([404, 'subscription_not_found', 404, 'subscription_not_found']);
      expect(audit.body).toMatchObject({ sellerId: 'seller-ada', status: 'active' });
    });
  });
});
