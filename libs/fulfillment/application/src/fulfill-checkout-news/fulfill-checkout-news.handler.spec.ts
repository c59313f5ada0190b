import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { checkoutNewsHandler } from '../testing/checkout-news';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { CheckoutNews } from './fulfill-checkout-news.command';
import { FulfillCheckoutNewsHandler } from './fulfill-checkout-news.handler';

describe("Checkout's news about many orders, in one unit of work", () => {
  let fakes: FulfillmentFakes;
  let handler: FulfillCheckoutNewsHandler;
  const paid = (orderId: string, lines: Record<string, number>): CheckoutNews => ({
    command: 'ReserveInventory',
    orderId,
    lines: Object.entries(lines).map(([sku, quantity]) => ({ sku, quantity })),
  });
  const confirmed = (orderId: string): CheckoutNews => ({ command: 'ReleaseShipment', orderId });
  const cancelled = (orderId: string): CheckoutNews => ({ command: 'CancelFulfillment', orderId });

  beforeEach(() => {
    fakes = fulfillmentFakes();
    handler = checkoutNewsHandler(fakes);
  });

  describe('payments of several orders sharing SKUs', () => {
    beforeEach(() => {
      fakes.stock.seed('MUG-BLUE', 3);
      fakes.stock.seed('TEA-EARL', 1);
    });

    it('gives the last unit to the first order in arrival order and refuses the next, as one at a time would', async () => {
      await handler.execute([paid('order-1', { 'TEA-EARL': 1, 'MUG-BLUE': 1 }), paid('order-2', { 'MUG-BLUE': 1, 'TEA-EARL': 1 }), paid('order-3', { 'MUG-BLUE': 2 })]);

      expect(fakes.reservations.published.map((event) => [event.orderId, event.type])).toEqual([
        ['order-1', 'InventoryReserved'],
        ['order-2', 'InventoryReservationFailed'],
        ['order-3', 'InventoryReserved'],
      ]);
      expect(fakes.reservations.published[1]).toMatchObject({ unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'insufficient_stock' }] });
      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 3, reserved: 3, available: 0 });
      expect(await fakes.stock.of('TEA-EARL')).toEqual({ sku: 'TEA-EARL', onHand: 1, reserved: 1, available: 0 });
      expect((await fakes.shipments.ofOrder('order-1')).map((shipment) => shipment.status)).toEqual(['created']);
      expect(await fakes.shipments.ofOrder('order-2')).toEqual([]);
      expect(fakes.shipments.published.map((event) => [event.orderId, event.type])).toEqual([
        ['order-1', 'ShipmentCreated'],
        ['order-3', 'ShipmentCreated'],
      ]);
    });

    it('holds the stock items of every SKU of the batch at once, in SKU order', async () => {
      await handler.execute([paid('order-1', { 'TEA-EARL': 1 }), paid('order-2', { 'MUG-BLUE': 1, 'CUP-RED': 1 }), paid('order-3', { 'MUG-BLUE': 1 })]);

      expect(fakes.stock.held).toEqual([['CUP-RED', 'MUG-BLUE', 'TEA-EARL']]);
    });

    it('writes nothing at all when one command is refused: the caller retries them in smaller groups', async () => {
      fakes.shipments.seed(aShipment().withId('s-9').forOrder('order-9').stored('dispatched'));

      await expect(handler.execute([paid('order-1', { 'MUG-BLUE': 1 }), cancelled('order-9')])).rejects.toMatchObject({ code: 'shipment_already_dispatched' });

      expect(fakes.reservations.count).toBe(0);
      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
      expect(fakes.shipments.count).toBe(1);
      expect(fakes.reservations.published).toEqual([]);
    });
  });

  describe('a payment and a cancellation of one order in one batch', () => {
    beforeEach(() => {
      fakes.stock.seed('MUG-BLUE', 1);
    });

    it('reserves, then gives the stock back and cancels the new shipment, so that the next order gets the unit', async () => {
      await handler.execute([paid('order-1', { 'MUG-BLUE': 1 }), cancelled('order-1'), paid('order-2', { 'MUG-BLUE': 1 })]);

      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('released');
      expect((await fakes.shipments.ofOrder('order-1')).map((shipment) => shipment.status)).toEqual(['cancelled']);
      expect(fakes.shipments.published.filter((event) => event.orderId === 'order-1').map((event) => event.type)).toEqual(['ShipmentCreated', 'ShipmentCancelled']);
      expect((await fakes.reservations.ofOrder('order-2'))?.status).toBe('reserved');
      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 1, reserved: 1, available: 0 });
    });

    it('the cancellation first (a replay reordered them): the payment reserves nothing and ships nothing', async () => {
      await handler.execute([cancelled('order-1'), paid('order-1', { 'MUG-BLUE': 1 })]);

      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('cancelled');
      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
      expect(fakes.shipments.count).toBe(0);
      expect(fakes.reservations.published).toEqual([]);
    });

    it('ends as the same news handled one message at a time', async () => {
      const oneByOne = fulfillmentFakes();
      oneByOne.stock.seed('MUG-BLUE', 1);
      const news = [paid('order-1', { 'MUG-BLUE': 1 }), confirmed('order-1'), cancelled('order-1'), paid('order-2', { 'MUG-BLUE': 1 })];

      await handler.execute(news);
      for (const item of news) await checkoutNewsHandler(oneByOne).execute([item]);

      for (const orderId of ['order-1', 'order-2']) {
        expect((await fakes.reservations.ofOrder(orderId))?.snapshot()).toEqual((await oneByOne.reservations.ofOrder(orderId))?.snapshot());
        expect((await fakes.shipments.ofOrder(orderId)).map((shipment) => shipment.snapshot())).toEqual(
          (await oneByOne.shipments.ofOrder(orderId)).map((shipment) => shipment.snapshot()),
        );
      }
      expect(await fakes.stock.of('MUG-BLUE')).toEqual(await oneByOne.stock.of('MUG-BLUE'));
      expect(fakes.shipments.published).toEqual(oneByOne.shipments.published);
      expect(fakes.reservations.published).toEqual(oneByOne.reservations.published);
    });
  });

  describe('a confirmation in the same batch as its payment', () => {
    it('releases the shipment the payment created, stored once with its release', async () => {
      fakes.stock.seed('MUG-BLUE', 2);
      fakes.clock.set(new Date('2026-11-21T10:05:00.000Z'));

      await handler.execute([paid('order-1', { 'MUG-BLUE': 2 }), confirmed('order-1')]);

      const [shipment] = await fakes.shipments.ofOrder('order-1');
      expect(shipment?.snapshot()).toMatchObject({ status: 'created', releasedAt: fakes.clock.now() });
      expect(shipment?.version).toBe(1);
      expect(fakes.shipments.published.map((event) => event.type)).toEqual(['ShipmentCreated', 'ShipmentReleased']);
    });

    it('is refused when the payment was refused: no shipment to release (order_has_no_shipment)', async () => {
      fakes.stock.seed('MUG-BLUE', 1);

      await expect(handler.execute([paid('order-1', { 'MUG-BLUE': 2 }), confirmed('order-1')])).rejects.toMatchObject({ code: 'order_has_no_shipment' });

      expect(fakes.reservations.count).toBe(0);
    });
  });

  describe('idempotence', () => {
    it('an order already decided is a no-op: nothing held, nothing written, nothing published', async () => {
      fakes.stock.seed('MUG-BLUE', 5);
      await handler.execute([paid('order-1', { 'MUG-BLUE': 2 })]);
      const saved = { reservation: (await fakes.reservations.ofOrder('order-1'))!.version, stock: fakes.stock.stored('MUG-BLUE') };
      const held = fakes.stock.held.length;

      await handler.execute([paid('order-1', { 'MUG-BLUE': 1 }), paid('order-1', { 'MUG-BLUE': 3 })]);

      expect(fakes.stock.held).toHaveLength(held);
      expect((await fakes.reservations.ofOrder('order-1'))!.version).toBe(saved.reservation);
      expect(fakes.stock.stored('MUG-BLUE')).toEqual(saved.stock);
      expect(fakes.reservations.published).toHaveLength(1);
      expect(fakes.shipments.count).toBe(1);
    });

    it('a second payment of the same order in one batch is a no-op, as is a repeated confirmation or cancellation', async () => {
      fakes.stock.seed('MUG-BLUE', 5);

      await handler.execute([
        paid('order-1', { 'MUG-BLUE': 2 }),
        paid('order-1', { 'MUG-BLUE': 3 }),
        confirmed('order-1'),
        confirmed('order-1'),
        cancelled('order-1'),
        cancelled('order-1'),
      ]);

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 0 });
      expect(fakes.reservations.published).toHaveLength(1);
      expect(fakes.shipments.published.map((event) => event.type)).toEqual(['ShipmentCreated', 'ShipmentReleased', 'ShipmentCancelled']);
    });

    it('an empty batch reads nothing', async () => {
      await handler.execute([]);

      expect(fakes.stock.held).toEqual([]);
    });
  });
});
