import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';
import { CreateLegacyShipment } from '../testing/legacy-shipment';
import { checkoutNewsHandler, oneAtATime } from '../testing/checkout-news';
import { ReserveInventory } from '../reserve-inventory/reserve-inventory.command';
import { CancelFulfillment } from './cancel-fulfillment.command';

describe('Cancel the fulfillment of an order (a cancellation handled on its own)', () => {
  const lines = [
    { sku: 'MUG-BLUE', quantity: 2 },
    { sku: 'TEA-EARL', quantity: 1 },
  ];
  let fakes: FulfillmentFakes;
  let handler: { execute(command: CancelFulfillment): Promise<void> };
  let reserve: { execute(command: ReserveInventory): Promise<void> };

  beforeEach(() => {
    fakes = fulfillmentFakes();
    const news = oneAtATime(checkoutNewsHandler(fakes));
    handler = { execute: news.cancel };
    reserve = { execute: news.reserve };
    fakes.stock.seed('MUG-BLUE', 5);
    fakes.stock.seed('TEA-EARL', 1);
  });

  describe('an order whose stock is reserved', () => {
    beforeEach(async () => {
      await reserve.execute({ orderId: 'order-1', lines });
      fakes.shipments.forgetPublished();
    });

    it('releases the held stock and cancels the shipment, publishing ShipmentCancelled', async () => {
      await handler.execute({ orderId: 'order-1' });

      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 5, reserved: 0, available: 5 });
      expect(await fakes.stock.of('TEA-EARL')).toEqual({ sku: 'TEA-EARL', onHand: 1, reserved: 0, available: 1 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('released');
      expect(fakes.shipments.published).toEqual([{ type: 'ShipmentCancelled', shipmentId: 'shipment-1', orderId: 'order-1', occurredAt: fakes.clock.now() }]);
    });

    it('cancels a shipment already picked and packed, the stock still going back', async () => {
      const [created] = await fakes.shipments.ofOrder('order-1');
      fakes.shipments.seed(
        aShipment()
          .withId(created!.id)
          .forOrder('order-1')
          .withLines(...lines)
          .stored('packed', created!.version),
      );

      await handler.execute({ orderId: 'order-1' });

      expect((await fakes.shipments.ofOrder('order-1'))[0]?.status).toBe('cancelled');
      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
    });

    it('changes nothing when asked again', async () => {
      await handler.execute({ orderId: 'order-1' });

      await handler.execute({ orderId: 'order-1' });

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 0 });
      expect(fakes.shipments.published).toHaveLength(1);
    });

    it('refuses once the parcel is dispatched, changing nothing', async () => {
      const [created] = await fakes.shipments.ofOrder('order-1');
      fakes.shipments.seed(
        aShipment()
          .withId(created!.id)
          .forOrder('order-1')
          .withLines(...lines)
          .stored('dispatched', created!.version),
      );

      await expect(handler.execute({ orderId: 'order-1' })).rejects.toMatchObject({ code: 'shipment_already_dispatched' });

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 2 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('reserved');
      expect(fakes.shipments.published).toEqual([]);
    });

    it('reports a conflict, releasing nothing, when the shipment changed between its read and its save', async () => {
      /** A store where a warehouse step lands right after each read. */
      class RacingWarehouse extends InMemoryShipments {
        override async ofOrder(orderId: string) {
          const read = await super.ofOrder(orderId);
          const [theirs] = await super.ofOrder(orderId);
          theirs?.pick({ at: fakes.clock.now(), by: 'warehouse-7' });
          if (theirs) await this.save(theirs);
          return read;
        }
      }
      const shipments = new RacingWarehouse();
      shipments.seed(
        aShipment()
          .withId('s-9')
          .forOrder('order-1')
          .withLines(...lines)
          .stored('created'),
      );
      const racing = oneAtATime(checkoutNewsHandler(fakes, { unitOfWork: new InMemoryUnitOfWork(fakes.stock, fakes.reservations, shipments), shipments }));

      await expect(racing.cancel({ orderId: 'order-1' })).rejects.toBeInstanceOf(ConcurrencyConflict);

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 2 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('reserved');
    });
  });

  it('only records the cancellation of an order whose reservation was refused: nothing is held', async () => {
    await reserve.execute({ orderId: 'order-1', lines: [{ sku: 'MUG-BLUE', quantity: 6 }] });

    await handler.execute({ orderId: 'order-1' });

    expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('refused');
    expect(fakes.stock.held).toEqual([['MUG-BLUE']]);
    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 0 });
  });

  describe('an order Fulfillment has not decided yet', () => {
    it('is remembered as cancelled, so a payment arriving later reserves nothing and ships nothing', async () => {
      await handler.execute({ orderId: 'order-2' });

      await reserve.execute({ orderId: 'order-2', lines });

      expect((await fakes.reservations.ofOrder('order-2'))?.status).toBe('cancelled');
      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ reserved: 0 });
      expect(fakes.shipments.count).toBe(0);
      expect(fakes.reservations.published).toEqual([]);
    });

    it('changes nothing when asked again', async () => {
      await handler.execute({ orderId: 'order-2' });

      await handler.execute({ orderId: 'order-2' });

      expect(fakes.reservations.count).toBe(1);
    });

    it('still cancels a shipment planned for it before reservations existed', async () => {
      await new CreateLegacyShipment(fakes.shipments).for('order-3');

      await handler.execute({ orderId: 'order-3' });

      expect((await fakes.shipments.ofOrder('order-3'))[0]?.status).toBe('cancelled');
      expect((await fakes.reservations.ofOrder('order-3'))?.status).toBe('cancelled');
    });
  });
});
