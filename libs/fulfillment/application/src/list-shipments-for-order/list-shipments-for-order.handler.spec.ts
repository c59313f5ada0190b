import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { InMemoryShipmentQueries } from '../testing/in-memory-shipment-queries';
import { GetShipmentHandler } from '../get-shipment/get-shipment.handler';
import { ListShipmentsForOrderHandler } from './list-shipments-for-order.handler';

describe('Reading shipments', () => {
  let shipments: InMemoryShipments;

  beforeEach(() => {
    shipments = new InMemoryShipments();
    shipments.seed(aShipment().withId('shipment-1').forOrder('order-1').withLines({ sku: 'MUG-BLUE', quantity: 2 }).stored('dispatched'));
    shipments.seed(aShipment().withId('shipment-2').forOrder('order-2').stored('created'));
  });

  it("lists an order's shipment with its lines, status, and each step taken with who and when", async () => {
    expect(await new ListShipmentsForOrderHandler(new InMemoryShipmentQueries(shipments)).execute({ orderId: 'order-1' })).toEqual([
      {
        shipmentId: 'shipment-1',
        orderId: 'order-1',
        status: 'dispatched',
        lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
        createdAt: new Date('2026-11-21T09:30:00.120Z'),
        releasedAt: new Date('2026-11-21T09:59:00.000Z'),
        picked: { at: new Date('2026-11-21T10:00:00.000Z'), by: 'warehouse-7' },
        packed: { at: new Date('2026-11-21T10:01:00.000Z'), by: 'warehouse-7' },
        dispatched: { at: new Date('2026-11-21T10:02:00.000Z'), by: 'warehouse-7', carrier: 'DHL', trackingNumber: 'JD014600006281234567' },
        delivered: null,
        cancelledAt: null,
      },
    ]);
  });

  it('lists nothing for an order without shipments', async () => {
    expect(await new ListShipmentsForOrderHandler(new InMemoryShipmentQueries(shipments)).execute({ orderId: 'unknown' })).toEqual([]);
  });

  it('answers one shipment by its id', async () => {
    expect(await new GetShipmentHandler(new InMemoryShipmentQueries(shipments)).execute({ shipmentId: 'shipment-2' })).toMatchObject({
      shipmentId: 'shipment-2',
      orderId: 'order-2',
      status: 'created',
      picked: null,
    });
  });

  it('answers shipment_not_found for an unknown id', async () => {
    await expect(new GetShipmentHandler(new InMemoryShipmentQueries(shipments)).execute({ shipmentId: 'nope' })).rejects.toMatchObject({
      code: 'shipment_not_found',
      kind: 'not_found',
    });
  });
});
