import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage } from '@bazaar/platform-testing';
import { PaymentAuthorizedV1, Topics } from '@bazaar/published-language';
import { financeService } from '../finance.service';

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
});
