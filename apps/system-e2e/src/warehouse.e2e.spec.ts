import { setInterval as everyInterval } from 'node:timers/promises';
import { eventually, everyMemberHolds } from '@bazaar/platform-testing';
import { orderOf, placeOrder, waitForStatus } from './support/checkout';
import { countRows, downstreamOf } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, linesOf } from './support/orders';
import { System } from './support/system';
import { aSku, releasedShipmentOf, shipmentOf, StockLevel, stock, stockLevel, step, walk } from './support/warehouse';

/**
 * The warehouse's side of an order, across the four running services: stock set and read through
 * Fulfillment's routes, reserved when Checkout's payment arrives, and a shipment taken from the
 * shelf to the buyer's door through the shipment routes.
 */
describe('The warehouse, end to end', () => {
  let system: System;

  beforeAll(async () => {
    system = await System.start();
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Waits until the order is confirmed or cancelled with nothing left to carry out, and answers it. */
  const waitForStatusAny = (orderId: string) =>
    eventually(
      async () => {
        const order = await orderOf(system, orderId);
        expect(order).toMatchObject({ status: expect.stringMatching(/^(confirmed|cancelled)$/), process: { pending: [] } });
        return order;
      },
      { timeoutMs: 30_000 },
    );

  it("walks an order from checkout to the buyer's door: confirmed, picked, packed, dispatched, delivered — completed, tracked in Support, its units gone from stock", async () => {
    const [mug, tea] = [aSku('MUG'), aSku('TEA')];
    await stock(system, { [mug]: 10, [tea]: 5 });
    const orderId = await placeOrder(system, anOrderRequest({ lines: linesOf({ [mug]: 2, [tea]: 1 }) }));

    await waitForStatus(system, orderId, 'confirmed', 'confirmed');
    const { shipmentId } = await releasedShipmentOf(system, orderId);
    expect(await stockLevel(system, mug)).toEqual({ sku: mug, onHand: 10, reserved: 2, available: 8 });

    const parcel = await walk(system, shipmentId, 'deliver', { carrier: 'DHL', trackingNumber: 'JD014600006281234567' });

    await waitForStatus(system, orderId, 'completed', 'completed');
    expect(await shipmentOf(system, orderId, 'delivered')).toMatchObject({
      shipmentId,
      ...parcel,
      pickedAt: expect.any(String),
      packedAt: expect.any(String),
      dispatchedAt: expect.any(String),
      deliveredAt: expect.any(String),
    });
    expect(await stockLevel(system, mug)).toEqual({ sku: mug, onHand: 8, reserved: 0, available: 8 });
    expect(await stockLevel(system, tea)).toEqual({ sku: tea, onHand: 4, reserved: 0, available: 4 });
    const { view } = await eventually(
      async () => {
        const state = await downstreamOf(system, orderId);
        expect(state.view).toMatchObject({ status: 'completed', shipments: [{ status: 'delivered' }] });
        return state;
      },
      { timeoutMs: 30_000 },
    );
    expect(view).toMatchObject({
      reservation: {
        status: 'reserved',
        lines: [
          { sku: mug, quantity: 2 },
          { sku: tea, quantity: 1 },
        ],
      },
      shipments: [
        {
          shipmentId,
          status: 'delivered',
          ...parcel,
          pickedAt: expect.any(String),
          packedAt: expect.any(String),
          dispatchedAt: expect.any(String),
          deliveredAt: expect.any(String),
        },
      ],
    });
    expect(view.timeline.map((entry: { type: string }) => entry.type)).toEqual(
      expect.arrayContaining([
        'fulfillment.shipment-picked',
        'fulfillment.shipment-packed',
        'fulfillment.shipment-dispatched',
        'fulfillment.shipment-delivered',
        'checkout.order-completed',
      ]),
    );
    // Done is done: the warehouse cannot pick it again, nor the buyer cancel it.
    expect((await step(system, shipmentId, 'pick')).body).toMatchObject({ status: 409, code: 'shipment_step_already_done' });
    expect((await http('POST', `${system.url('checkout')}/orders/${orderId}/cancel`)).status).toBe(409);
  });

  it('cancels an order with a SKU never stocked (out_of_stock), voids its authorization, ships nothing and leaves its stocked lines untouched', async () => {
    const [mug, never] = [aSku('MUG'), aSku('NEVER')];
    await stock(system, { [mug]: 10 });
    const orderId = await placeOrder(system, anOrderRequest({ lines: linesOf({ [mug]: 2, [never]: 1 }) }));

    const cancelled = await waitForStatus(system, orderId, 'cancelled', 'cancelled');

    expect(cancelled).toMatchObject({ cancellationReason: 'out_of_stock', payment: { state: 'voided' } });
    expect(await stockLevel(system, mug)).toEqual({ sku: mug, onHand: 10, reserved: 0, available: 10 });
    expect(await stockLevel(system, never)).toEqual({ sku: never, onHand: 0, reserved: 0, available: 0 });
    const { view, shipments } = await eventually(
      async () => {
        const state = await downstreamOf(system, orderId);
        expect(state.view).toMatchObject({ status: 'cancelled', reservation: { status: 'failed' }, revenue: [{ kind: 'deferred' }, { kind: 'reversal' }] });
        return state;
      },
      { timeoutMs: 30_000 },
    );
    expect(shipments).toEqual([]);
    expect(view).toMatchObject({
      cancellation: { reason: 'out_of_stock', authorizationVoided: true },
      payment: { state: 'voided' },
      reservation: { status: 'failed', unavailable: [{ sku: never, requested: 1, available: 0, reason: 'not_stocked' }] },
      shipments: [],
    });
  });

  describe('with two Fulfillment replicas sharing the partitions', () => {
    beforeAll(async () => {
      await system.startInstance('fulfillment');
      await everyMemberHolds(system.kafka, system.group('fulfillment'), system.topics.topic('checkout.orders'), 2);
    });

    it('gives 20 units to exactly 20 of 50 concurrent orders and cancels the other 30 out_of_stock, never reserving more than is on hand', async () => {
      const sku = aSku('LAST');
      await stock(system, { [sku]: 20 });
      const checkoutDb = system.databases.get('checkout')!.url;
      // Stock is sampled along the way (every 100 ms, from the first order on) until every order is settled.
      const levels: StockLevel[] = [];
      let sampling = true;
      const sampler = (async () => {
        // A sampling rate, not a wait for anything: the settled orders below end the sampling.
        for await (const _tick of everyInterval(100)) {
          if (!sampling) break;
          levels.push(await stockLevel(system, sku));
        }
      })();

      const orderIds = await Promise.all(Array.from({ length: 50 }, () => placeOrder(system, anOrderRequest({ lines: linesOf({ [sku]: 1 }) }))));
      await eventually(
        async () => {
          const settled = await countRows(checkoutDb, `SELECT count(*) FROM orders WHERE id = ANY($1::uuid[]) AND status IN ('confirmed', 'cancelled')`, [orderIds]);
          expect(settled).toBe(50);
        },
        { timeoutMs: 120_000, intervalMs: 200 },
      );
      sampling = false;
      await sampler;
      const outcomes = await Promise.all(orderIds.map((orderId) => waitForStatusAny(orderId)));

      const confirmed = outcomes.filter((order) => order.status === 'confirmed');
      const outOfStock = outcomes.filter((order) => order.status === 'cancelled' && order.cancellationReason === 'out_of_stock');
      expect({ confirmed: confirmed.length, outOfStock: outOfStock.length }).toEqual({ confirmed: 20, outOfStock: 30 });
      expect(outOfStock.map((order) => order.payment.state)).toEqual(Array(30).fill('voided'));
      expect(await stockLevel(system, sku)).toEqual({ sku, onHand: 20, reserved: 20, available: 0 });
      expect(levels.length).toBeGreaterThan(1);
      expect(levels.filter((level) => level.reserved > level.onHand || level.available < 0)).toEqual([]);
      for (const order of confirmed) expect(await shipmentOf(system, order.orderId)).toMatchObject({ lines: [{ sku, quantity: 1 }] });
      const fulfillmentDb = system.databases.get('fulfillment')!.url;
      expect(await countRows(fulfillmentDb, 'SELECT count(*) FROM shipments WHERE order_id = ANY($1::uuid[])', [orderIds])).toBe(20);
    });
  });
});
