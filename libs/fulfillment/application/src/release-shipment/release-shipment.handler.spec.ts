import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { ReserveInventoryHandler } from '../reserve-inventory/reserve-inventory.handler';
import { PickShipmentHandler } from '../pick-shipment/pick-shipment.handler';
import { CancelFulfillmentHandler } from '../cancel-fulfillment/cancel-fulfillment.handler';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';
import { ReleaseShipmentHandler } from './release-shipment.handler';

describe('Release a confirmed order’s shipment to the warehouse', () => {
  let fakes: FulfillmentFakes;
  let release: ReleaseShipmentHandler;
  let pick: PickShipmentHandler;

  beforeEach(async () => {
    fakes = fulfillmentFakes();
    release = new ReleaseShipmentHandler(fakes.shipments, fakes.clock);
    pick = new PickShipmentHandler(fakes.shipments, fakes.clock);
    fakes.stock.seed('MUG-BLUE', 5);
    await new ReserveInventoryHandler(fakes.unitOfWork, fakes.reservations, fakes.stock, fakes.shipments, fakes.clock, fakes.ids).execute({
      orderId: 'order-1',
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
    });
    fakes.shipments.forgetPublished();
  });

  it('a reserved order’s shipment cannot be picked until its order is confirmed (order_not_confirmed)', async () => {
    await expect(pick.execute({ shipmentId: 'shipment-1', actor: 'warehouse-7' })).rejects.toMatchObject({ code: 'order_not_confirmed' });
    expect((await fakes.shipments.withId('shipment-1'))?.status).toBe('created');
  });

  it('releases it with the time it was confirmed, and the warehouse can pick it', async () => {
    fakes.clock.set(new Date('2026-11-21T10:01:00.000Z'));

    await release.execute({ orderId: 'order-1' });
    await pick.execute({ shipmentId: 'shipment-1', actor: 'warehouse-7' });

    expect((await fakes.shipments.withId('shipment-1'))?.snapshot()).toMatchObject({ status: 'picked', releasedAt: fakes.clock.now() });
  });

  it('changes nothing when the confirmation comes again', async () => {
    await release.execute({ orderId: 'order-1' });
    const saved = (await fakes.shipments.withId('shipment-1'))!.version;

    await release.execute({ orderId: 'order-1' });

    expect((await fakes.shipments.withId('shipment-1'))!.version).toBe(saved);
  });

  it('refuses to release the shipment of an order cancelled first, leaving it cancelled', async () => {
    await new CancelFulfillmentHandler(fakes.unitOfWork, fakes.reservations, fakes.stock, fakes.shipments, fakes.clock).execute({ orderId: 'order-1' });

    await expect(release.execute({ orderId: 'order-1' })).rejects.toMatchObject({ code: 'shipment_cancelled' });
    expect((await fakes.shipments.withId('shipment-1'))?.snapshot()).toMatchObject({ status: 'cancelled', releasedAt: null });
  });

  it('refuses a confirmation for an order with no shipment: news out of order is parked (order_has_no_shipment)', async () => {
    fakes.shipments.seed(aShipment().withId('other').forOrder('order-2').stored('created'));

    await expect(release.execute({ orderId: 'order-3' })).rejects.toMatchObject({ code: 'order_has_no_shipment', kind: 'not_found' });
  });
});
