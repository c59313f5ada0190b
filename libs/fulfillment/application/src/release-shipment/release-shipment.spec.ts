import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { PickShipmentHandler } from '../pick-shipment/pick-shipment.handler';
import { checkoutNewsHandler, oneAtATime } from '../testing/checkout-news';
import { fulfillmentFakes, FulfillmentFakes } from '../testing/fulfillment-fakes';

describe('Release a confirmed order’s shipment to the warehouse (a confirmation handled on its own)', () => {
  let fakes: FulfillmentFakes;
  let news: ReturnType<typeof oneAtATime>;
  let pick: PickShipmentHandler;

  beforeEach(async () => {
    fakes = fulfillmentFakes();
    news = oneAtATime(checkoutNewsHandler(fakes));
    pick = new PickShipmentHandler(fakes.shipments, fakes.clock);
    fakes.stock.seed('MUG-BLUE', 5);
    await news.reserve({
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

    await news.release({ orderId: 'order-1' });
    await pick.execute({ shipmentId: 'shipment-1', actor: 'warehouse-7' });

    expect((await fakes.shipments.withId('shipment-1'))?.snapshot()).toMatchObject({ status: 'picked', releasedAt: fakes.clock.now() });
  });

  it('changes nothing when the confirmation comes again', async () => {
    await news.release({ orderId: 'order-1' });
    const saved = (await fakes.shipments.withId('shipment-1'))!.version;

    await news.release({ orderId: 'order-1' });

    expect((await fakes.shipments.withId('shipment-1'))!.version).toBe(saved);
  });

  it('refuses to release the shipment of an order cancelled first, leaving it cancelled', async () => {
    await news.cancel({ orderId: 'order-1' });

    await expect(news.release({ orderId: 'order-1' })).rejects.toMatchObject({ code: 'shipment_cancelled' });
    expect((await fakes.shipments.withId('shipment-1'))?.snapshot()).toMatchObject({ status: 'cancelled', releasedAt: null });
  });

  it('refuses a confirmation for an order with no shipment: news out of order is parked (order_has_no_shipment)', async () => {
    fakes.shipments.seed(aShipment().withId('other').forOrder('order-2').stored('created'));

    await expect(news.release({ orderId: 'order-3' })).rejects.toMatchObject({ code: 'order_has_no_shipment', kind: 'not_found' });
  });
});
