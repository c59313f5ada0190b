import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { eventually, kafkaMessage, TopicTap } from '@bazaar/platform-testing';
import { EventHeaders, InventoryReservationFailedV1, InventoryReservedV1, Topics } from '@bazaar/published-language';
import { fulfillmentService } from '../fulfillment.service';
import { aPaidOrder, aSku, StockLevelJson, Warehouse } from '../testing/warehouse';

describe('Fulfillment scaled out to two instances', () => {
  let fulfillment: ServiceUnderTest;
  let warehouse: Warehouse;
  let reservations: TopicTap;

  beforeAll(async () => {
    fulfillment = await ServiceUnderTest.start(fulfillmentService, { instances: 2 });
    warehouse = new Warehouse(fulfillment);
    reservations = await fulfillment.namespace.tap(Topics.fulfillmentReservations);
    await fulfillment.sharesPartitionsOf(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await fulfillment?.stop();
  });

  const answersFor = (orderIds: readonly string[]) => {
    const ids = new Set(orderIds);
    const answers = reservations.matching((message) => ids.has(String(message.key)));
    return {
      reserved: answers.filter((message) => message.headers[EventHeaders.type] === InventoryReservedV1.wireType).length,
      failed: answers.filter((message) => message.headers[EventHeaders.type] === InventoryReservationFailedV1.wireType).length,
    };
  };

  it('shares the partitions and turns a burst of 30 paid orders, each delivered twice, into exactly 30 reservations and shipments', async () => {
    const sku = aSku();
    await warehouse.stock(sku, 1000);
    const orders = Array.from({ length: 30 }, () => aPaidOrder({ [sku]: 2 }));
    const messages = orders.map(kafkaMessage);
    await fulfillment.send(Topics.checkoutOrders, ...messages);
    await fulfillment.send(Topics.checkoutOrders, ...messages);
    await fulfillment.caughtUp(Topics.checkoutOrders);

    const orderIds = orders.map((order) => order.data.orderId);
    expect(await fulfillment.count('shipments WHERE order_id = ANY($1::uuid[])', [orderIds])).toBe(30);
    expect(await fulfillment.count('(SELECT DISTINCT order_id FROM shipments WHERE order_id = ANY($1::uuid[])) AS orders', [orderIds])).toBe(30);
    expect(await fulfillment.count(`reservations WHERE order_id = ANY($1::uuid[]) AND status = 'reserved'`, [orderIds])).toBe(30);
    expect(await fulfillment.count('inbox WHERE event_id = ANY($1::uuid[])', [orders.map((order) => order.id)])).toBe(30);
    expect(await warehouse.level(sku)).toEqual({ sku, onHand: 1000, reserved: 60, available: 940 });
  });

  it('gives 20 units to exactly 20 of 50 orders racing for them across both instances, never reserving more than is on hand', async () => {
    const sku = aSku('LAST');
    await warehouse.stock(sku, 20);
    const orders = Array.from({ length: 50 }, () => aPaidOrder({ [sku]: 1 }));
    const orderIds = orders.map((order) => order.data.orderId);

    const sending = fulfillment.send(Topics.checkoutOrders, ...orders.map(kafkaMessage));
    // Along the way, what is reserved never exceeds what is on hand (the table refuses it, too).
    const levels: StockLevelJson[] = [];
    await eventually(
      async () => {
        levels.push(await warehouse.level(sku));
        const { reserved, failed } = answersFor(orderIds);
        expect(reserved + failed).toBe(50);
      },
      { timeoutMs: 30_000, intervalMs: 20 },
    );
    await sending;

    expect(levels.filter((level) => level.available < 0 || level.reserved > level.onHand)).toEqual([]);
    const seen = await warehouse.level(sku);
    expect(answersFor(orderIds)).toEqual({ reserved: 20, failed: 30 });
    expect(seen).toEqual({ sku, onHand: 20, reserved: 20, available: 0 });
    expect(await fulfillment.count('shipments WHERE order_id = ANY($1::uuid[])', [orderIds])).toBe(20);
    expect(await fulfillment.count(`reservations WHERE order_id = ANY($1::uuid[]) AND status = 'refused'`, [orderIds])).toBe(30);
    expect(fulfillment.deadLetters.matching((message) => orderIds.includes(String(message.key)))).toEqual([]);
  });

  it('reserves orders whose SKUs overlap in opposite orders on both instances without deadlocking or losing one', async () => {
    const [a, b, c] = [aSku('A'), aSku('B'), aSku('C')];
    for (const sku of [a, b, c]) await warehouse.stock(sku, 100);
    const orders = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? aPaidOrder({ [a]: 1, [b]: 1, [c]: 1 }) : aPaidOrder({ [c]: 1, [b]: 1, [a]: 1 })));
    const orderIds = orders.map((order) => order.data.orderId);

    await fulfillment.send(Topics.checkoutOrders, ...orders.map(kafkaMessage));
    await fulfillment.caughtUp(Topics.checkoutOrders);

    await eventually(() => expect(answersFor(orderIds)).toEqual({ reserved: 40, failed: 0 }));
    for (const sku of [a, b, c]) expect(await warehouse.level(sku)).toEqual({ sku, onHand: 100, reserved: 40, available: 60 });
    expect(fulfillment.deadLetters.matching((message) => orderIds.includes(String(message.key)))).toEqual([]);
  });
});
