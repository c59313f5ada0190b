import { Reservation } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { InMemoryReservations } from '../testing/in-memory-reservations';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';
import { CreateLegacyShipment } from '../testing/legacy-shipment';
import { checkoutNewsHandler, oneAtATime } from '../testing/checkout-news';
import { ReserveInventory } from './reserve-inventory.command';

describe('Reserve inventory for a paid order (a payment handled on its own)', () => {
  const order: ReserveInventory = {
    orderId: 'order-1',
    lines: [
      { sku: 'TEA-EARL', quantity: 1 },
      { sku: 'MUG-BLUE', quantity: 2 },
    ],
  };
  let fakes: FulfillmentFakes;
  let handler: { execute(command: ReserveInventory): Promise<void> };

  beforeEach(() => {
    fakes = fulfillmentFakes();
    handler = { execute: oneAtATime(checkoutNewsHandler(fakes)).reserve };
  });

  describe('when every line is in stock', () => {
    beforeEach(() => {
      fakes.stock.seed('MUG-BLUE', 5);
      fakes.stock.seed('TEA-EARL', 1);
    });

    it('holds every line and publishes InventoryReserved', async () => {
      await handler.execute(order);

      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 5, reserved: 2, available: 3 });
      expect(await fakes.stock.of('TEA-EARL')).toEqual({ sku: 'TEA-EARL', onHand: 1, reserved: 1, available: 0 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('reserved');
      expect(fakes.reservations.published).toEqual([{ type: 'InventoryReserved', orderId: 'order-1', lines: order.lines, occurredAt: fakes.clock.now() }]);
    });

    it("creates the order's shipment with the reserved lines and publishes ShipmentCreated", async () => {
      await handler.execute(order);

      const [shipment] = await fakes.shipments.ofOrder('order-1');
      expect(shipment?.snapshot()).toMatchObject({ id: 'shipment-1', orderId: 'order-1', status: 'created', lines: order.lines, createdAt: fakes.clock.now() });
      expect(fakes.shipments.published).toEqual([{ type: 'ShipmentCreated', shipmentId: 'shipment-1', orderId: 'order-1', lines: order.lines, occurredAt: fakes.clock.now() }]);
    });

    it('holds the stock items in SKU order, whatever the order of the lines', async () => {
      await handler.execute(order);

      expect(fakes.stock.held).toEqual([['MUG-BLUE', 'TEA-EARL']]);
    });

    it('decides an order once: asked again, even with other lines, it changes nothing', async () => {
      await handler.execute(order);

      await handler.execute({ ...order, lines: [{ sku: 'MUG-BLUE', quantity: 1 }] });

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 2 });
      expect(fakes.reservations.published).toHaveLength(1);
      expect(fakes.shipments.count).toBe(1);
    });

    it('keeps a shipment planned for the order before reservations existed, creating no second one', async () => {
      await new CreateLegacyShipment(fakes.shipments).for('order-1');

      await handler.execute(order);

      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('reserved');
      expect(await fakes.shipments.ofOrder('order-1')).toEqual([expect.objectContaining({ id: 'legacy-1' })]);
    });
  });

  describe('when a line is short', () => {
    it('holds nothing and says which line, how many were free and why', async () => {
      fakes.stock.seed('MUG-BLUE', 5);
      fakes.stock.seed('TEA-EARL', 4, 4);

      await handler.execute(order);

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0, available: 5 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('refused');
      expect(fakes.reservations.published).toEqual([
        {
          type: 'InventoryReservationFailed',
          orderId: 'order-1',
          unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'insufficient_stock' }],
          occurredAt: fakes.clock.now(),
        },
      ]);
    });

    it('creates no shipment', async () => {
      await handler.execute(order);

      expect(fakes.shipments.count).toBe(0);
      expect(fakes.shipments.published).toEqual([]);
    });

    it('says a SKU never stocked is not stocked, leaving the stocked lines untouched', async () => {
      fakes.stock.seed('MUG-BLUE', 5);

      await handler.execute(order);

      expect(fakes.reservations.published).toEqual([expect.objectContaining({ unavailable: [{ sku: 'TEA-EARL', requested: 1, available: 0, reason: 'not_stocked' }] })]);
      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 5, reserved: 0, available: 5 });
      expect(fakes.stock.stored('TEA-EARL')).toBeUndefined();
    });
  });

  it('gives the last unit to the first order and refuses the next', async () => {
    fakes.stock.seed('MUG-BLUE', 1);

    await handler.execute({ orderId: 'order-1', lines: [{ sku: 'MUG-BLUE', quantity: 1 }] });
    await handler.execute({ orderId: 'order-2', lines: [{ sku: 'MUG-BLUE', quantity: 1 }] });

    expect(fakes.reservations.published.map((event) => [event.orderId, event.type])).toEqual([
      ['order-1', 'InventoryReserved'],
      ['order-2', 'InventoryReservationFailed'],
    ]);
    expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 1, reserved: 1, available: 0 });
  });

  it('reserves nothing and creates no shipment for an order already cancelled', async () => {
    fakes.stock.seed('MUG-BLUE', 5);
    fakes.stock.seed('TEA-EARL', 1);
    await fakes.reservations.save(Reservation.cancelledBeforePayment('order-1', fakes.clock.now()));

    await handler.execute(order);

    expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('cancelled');
    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
    expect(fakes.reservations.published).toEqual([]);
    expect(fakes.shipments.count).toBe(0);
  });

  it('reports a conflict, and holds nothing, when another writer decided the order after it looked', async () => {
    fakes.stock.seed('MUG-BLUE', 5);
    fakes.stock.seed('TEA-EARL', 1);
    /** A read that missed a concurrent decision: only the store's one-per-order rule is left. */
    class LaggingReads extends InMemoryReservations {
      override async ofOrder() {
        return null;
      }
    }
    const reservations = new LaggingReads();
    await reservations.save(Reservation.cancelledBeforePayment('order-1', fakes.clock.now()));
    const unitOfWork = new InMemoryUnitOfWork(fakes.stock, reservations, fakes.shipments);
    const racing = oneAtATime(checkoutNewsHandler(fakes, { unitOfWork, reservations }));

    await expect(racing.reserve(order)).rejects.toBeInstanceOf(ConcurrencyConflict);

    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
    expect(fakes.shipments.count).toBe(0);
  });
});
