import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { checkoutNewsHandler, oneAtATime } from '../testing/checkout-news';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';
import { CreateLegacyShipment } from '../testing/legacy-shipment';
import { DispatchShipmentHandler } from './dispatch-shipment.handler';

describe('Dispatch a shipment', () => {
  const lines = [
    { sku: 'MUG-BLUE', quantity: 2 },
    { sku: 'TEA-EARL', quantity: 1 },
  ];
  const parcel = { carrier: 'DHL', trackingNumber: 'JD014600006281234567' };
  let fakes: FulfillmentFakes;
  let handler: DispatchShipmentHandler;
  let shipmentId: string;

  /** Moves the order's shipment to `status` as the warehouse would have, keeping its version. */
  const movedTo = async (status: 'created' | 'packed' | 'dispatched') => {
    const [shipment] = await fakes.shipments.ofOrder('order-1');
    fakes.shipments.seed(
      aShipment()
        .withId(shipment!.id)
        .forOrder('order-1')
        .withLines(...lines)
        .stored(status, shipment!.version),
    );
  };

  beforeEach(async () => {
    fakes = fulfillmentFakes();
    handler = new DispatchShipmentHandler(fakes.unitOfWork, fakes.shipments, fakes.reservations, fakes.stock, fakes.clock);
    fakes.stock.seed('MUG-BLUE', 5);
    fakes.stock.seed('TEA-EARL', 1);
    await oneAtATime(checkoutNewsHandler(fakes)).reserve({ orderId: 'order-1', lines });
    shipmentId = (await fakes.shipments.ofOrder('order-1'))[0]!.id;
    fakes.shipments.forgetPublished();
  });

  describe('once packed', () => {
    beforeEach(() => movedTo('packed'));

    it('publishes ShipmentDispatched with the carrier, tracking number, who and when', async () => {
      await handler.execute({ shipmentId, ...parcel, actor: 'warehouse-7' });

      expect(fakes.shipments.published).toEqual([{ type: 'ShipmentDispatched', shipmentId, orderId: 'order-1', ...parcel, by: 'warehouse-7', occurredAt: fakes.clock.now() }]);
      expect((await fakes.shipments.withId(shipmentId))?.snapshot().dispatched).toEqual({ at: fakes.clock.now(), by: 'warehouse-7', ...parcel });
    });

    it('deducts the reserved units from on-hand stock and from the reservation', async () => {
      await handler.execute({ shipmentId, ...parcel });

      expect(await fakes.stock.of('MUG-BLUE')).toEqual({ sku: 'MUG-BLUE', onHand: 3, reserved: 0, available: 3 });
      expect(await fakes.stock.of('TEA-EARL')).toEqual({ sku: 'TEA-EARL', onHand: 0, reserved: 0, available: 0 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('shipped');
    });

    it('deducts nothing, and dispatches nothing, when the shipment changed between its read and its save', async () => {
      /** A store where another dispatch lands right after each read. */
      class RacingWarehouse extends InMemoryShipments {
        override async withId(id: string) {
          const read = await super.withId(id);
          const theirs = await super.withId(id);
          theirs?.dispatch(parcel, { at: fakes.clock.now(), by: 'someone-else' });
          if (theirs) await this.save(theirs);
          return read;
        }
      }
      const shipments = new RacingWarehouse();
      shipments.seed((await fakes.shipments.withId(shipmentId))!);
      const racing = new DispatchShipmentHandler(new InMemoryUnitOfWork(fakes.stock, fakes.reservations, shipments), shipments, fakes.reservations, fakes.stock, fakes.clock);

      await expect(racing.execute({ shipmentId, ...parcel })).rejects.toBeInstanceOf(ConcurrencyConflict);

      expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 2 });
      expect((await fakes.reservations.ofOrder('order-1'))?.status).toBe('reserved');
    });
  });

  it('is refused before packing, changing no stock', async () => {
    await expect(handler.execute({ shipmentId, ...parcel })).rejects.toMatchObject({ code: 'shipment_step_skipped' });

    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 2 });
    expect(fakes.stock.held).toEqual([['MUG-BLUE', 'TEA-EARL']]);
  });

  it('is refused when repeated, deducting nothing twice', async () => {
    await movedTo('packed');
    await handler.execute({ shipmentId, ...parcel });

    await expect(handler.execute({ shipmentId, ...parcel })).rejects.toMatchObject({ code: 'shipment_step_already_done' });

    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 3, reserved: 0 });
    expect(fakes.shipments.published).toHaveLength(1);
  });

  it('answers shipment_not_found for an unknown shipment', async () => {
    await expect(handler.execute({ shipmentId: 'nope', ...parcel })).rejects.toMatchObject({ code: 'shipment_not_found' });
  });

  it('dispatches a shipment planned before reservations existed without deducting anything', async () => {
    const legacy = await new CreateLegacyShipment(fakes.shipments).for('order-9');
    fakes.shipments.seed(aShipment().withId(legacy.id).forOrder('order-9').withLines({ sku: 'MUG-BLUE', quantity: 2 }).stored('packed'));

    await handler.execute({ shipmentId: legacy.id, ...parcel });

    expect((await fakes.shipments.withId(legacy.id))?.status).toBe('dispatched');
    expect(await fakes.stock.of('MUG-BLUE')).toMatchObject({ onHand: 5, reserved: 2 });
  });
});
