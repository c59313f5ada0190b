import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { CreateShipmentHandler } from '../create-shipment/create-shipment.handler';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { ListShipmentsForOrderHandler } from './list-shipments-for-order.handler';

describe('List shipments for an order', () => {
  let shipments: InMemoryShipments;
  let list: ListShipmentsForOrderHandler;
  let create: CreateShipmentHandler;

  beforeEach(() => {
    shipments = new InMemoryShipments();
    list = new ListShipmentsForOrderHandler(shipments);
    create = new CreateShipmentHandler(shipments, new FixedClock(new Date('2026-11-21T10:00:00Z')), new SequentialIds('shipment'));
  });

  it('answers the order\'s shipment as a summary', async () => {
    await create.execute({ orderId: 'order-1', lines: [{ sku: 'MUG-BLUE', quantity: 2 }] });
    await create.execute({ orderId: 'order-2', lines: [{ sku: 'TEA-EARL', quantity: 1 }] });

    expect(await list.execute({ orderId: 'order-1' })).toEqual([
      {
        shipmentId: 'shipment-1',
        orderId: 'order-1',
        status: 'created',
        lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
        createdAt: new Date('2026-11-21T10:00:00Z'),
      },
    ]);
  });

  it('answers an empty list for an order without shipments', async () => {
    expect(await list.execute({ orderId: 'unknown' })).toEqual([]);
  });
});
