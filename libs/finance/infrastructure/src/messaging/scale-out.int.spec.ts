import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage } from '@bazaar/platform-testing';
import { PaymentAuthorizedV1, ShipmentDispatchedV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';
import { TrialBalanceResponse } from '../http/ledger.schemas';

jest.setTimeout(180_000);

describe('Finance scaled out to two instances', () => {
  let finance: ServiceUnderTest;

  beforeAll(async () => {
    finance = await ServiceUnderTest.start(financeService, { instances: 2 });
  });

  afterAll(async () => {
    await finance?.stop();
  });

  it('shares the partitions and turns a burst of 30 paid orders, each delivered twice, into exactly 30 deferred revenue entries', async () => {
    await finance.sharesPartitionsOf(Topics.checkoutOrders);

    const orders = Array.from({ length: 30 }, () => anEvent(PaymentAuthorizedV1));
    const messages = orders.map(kafkaMessage);
    await finance.send(Topics.checkoutOrders, ...messages);
    await finance.send(Topics.checkoutOrders, ...messages);
    await finance.caughtUp(Topics.checkoutOrders);

    const orderIds = orders.map((order) => order.data.orderId);
    expect(await finance.count('revenue_events WHERE order_id = ANY($1::uuid[])', [orderIds])).toBe(30);
    expect(await finance.count('(SELECT DISTINCT order_id FROM revenue_events WHERE order_id = ANY($1::uuid[])) AS orders', [orderIds])).toBe(30);
    expect(await finance.count(`outbox WHERE payload->'data'->>'orderId' = ANY($1::text[])`, [orderIds])).toBe(30);
    expect(await finance.count('inbox WHERE event_id = ANY($1::uuid[])', [orders.map((order) => order.id)])).toBe(30);
  });

  it('invoices 200 orders dispatched at once, their payments racing their dispatches on both instances: numbers 1..200, no gap, no duplicate, books balanced', async () => {
    await finance.sharesPartitionsOf(Topics.fulfillmentShipments);
    const payments = Array.from({ length: 200 }, () => anEvent(PaymentAuthorizedV1));
    const dispatches = payments.map((payment) => anEvent(ShipmentDispatchedV1, { data: { orderId: payment.data.orderId } }));

    // Both topics at once, each message twice: the two instances take payments and dispatches of the
    // same orders in parallel, in either order.
    await Promise.all([
      finance.send(Topics.checkoutOrders, ...payments.map(kafkaMessage), ...payments.map(kafkaMessage)),
      finance.send(Topics.fulfillmentShipments, ...dispatches.map(kafkaMessage), ...dispatches.map(kafkaMessage)),
    ]);
    await finance.caughtUp(Topics.checkoutOrders);
    await finance.caughtUp(Topics.fulfillmentShipments);

    const orderIds = payments.map((payment) => payment.data.orderId);
    const { rows: invoices } = await finance.query<{ year: number; sequence: number; order_id: string }>(
      'SELECT year, sequence, order_id FROM invoices WHERE order_id = ANY($1::uuid[]) ORDER BY year, sequence',
      [orderIds],
    );
    expect(new Set(invoices.map((invoice) => invoice.order_id)).size).toBe(200);
    expect(invoices.map((invoice) => invoice.sequence)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(invoices.map((invoice) => invoice.year)).size).toBe(1);
    expect(await finance.count(`revenue_events WHERE order_id = ANY($1::uuid[]) AND kind = 'recognized'`, [orderIds])).toBe(200);
    const { body: balance } = await finance.get<TrialBalanceResponse>('/ledger/balance');
    expect(balance.totals).toEqual([{ currency: 'EUR', debits: 400 * 3399 + 30 * 3399, credits: 400 * 3399 + 30 * 3399, balanced: true }]);
    expect(balance.accounts).toContainEqual({ account: 'revenue', currency: 'EUR', debits: 0, credits: 200 * 3399, balance: -200 * 3399 });
    expect(finance.deadLetters.messages).toEqual([]);
  });
});
