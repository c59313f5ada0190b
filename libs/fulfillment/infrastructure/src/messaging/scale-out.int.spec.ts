import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, kafkaMessage } from '@bazaar/platform-testing';
import { PaymentAuthorizedV1, Topics } from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';

describe('Fulfillment scaled out to two instances', () => {
  let fulfillment: ServiceUnderTest;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService, { instances: 2 });
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  it('shares the partitions and turns a burst of 30 paid orders, each delivered twice, into exactly 30 shipments', async () => {
    await fulfillment.sharesPartitionsOf(Topics.checkoutOrders);

    const orders = Array.from({ length: 30 }, () => anEvent(PaymentAuthorizedV1));
    const messages = orders.map(kafkaMessage);
    await fulfillment.send(Topics.checkoutOrders, ...messages);
    await fulfillment.send(Topics.checkoutOrders, ...messages);
    await fulfillment.caughtUp(Topics.checkoutOrders);

    const orderIds = orders.map((order) => order.data.orderId);
    expect(await fulfillment.count('shipments WHERE order_id = ANY($1::uuid[])', [orderIds])).toBe(30);
    expect(await fulfillment.count('(SELECT DISTINCT order_id FROM shipments WHERE order_id = ANY($1::uuid[])) AS orders', [orderIds])).toBe(30);
    expect(await fulfillment.count(`outbox WHERE payload->'data'->>'orderId' = ANY($1::text[])`, [orderIds])).toBe(30);
    expect(await fulfillment.count('inbox WHERE event_id = ANY($1::uuid[])', [orders.map((order) => order.id)])).toBe(30);
  });
});
