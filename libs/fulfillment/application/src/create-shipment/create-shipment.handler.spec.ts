import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { CreateShipment } from './create-shipment.command';
import { CreateShipmentHandler } from './create-shipment.handler';

describe('Create shipment', () => {
  const order: CreateShipment = {
    orderId: 'order-1',
    lines: [
      { sku: 'MUG-BLUE', quantity: 2 },
      { sku: 'TEA-EARL', quantity: 1 },
    ],
  };
  let shipments: InMemoryShipments;
  let handler: CreateShipmentHandler;

  beforeEach(() => {
    shipments = new InMemoryShipments();
    handler = new CreateShipmentHandler(shipments, new FixedClock(new Date('2026-11-21T10:00:00Z')), new SequentialIds('shipment'));
  });

  it('creates a shipment for the order with its lines and answers its id', async () => {
    const id = await handler.execute(order);

    expect(id).toBe('shipment-1');
    const [shipment] = await shipments.ofOrder('order-1');
    expect(shipment!.snapshot()).toEqual({
      id: 'shipment-1',
      orderId: 'order-1',
      status: 'created',
      lines: order.lines,
      createdAt: new Date('2026-11-21T10:00:00Z'),
    });
  });

  it('publishes ShipmentCreated with the shipment', async () => {
    await handler.execute(order);

    expect(shipments.published).toEqual([expect.objectContaining({ type: 'ShipmentCreated', shipmentId: 'shipment-1', orderId: 'order-1' })]);
  });

  it('creates nothing new for an order that already has a shipment, answering the existing id', async () => {
    await handler.execute(order);
    const again = await handler.execute({ ...order, lines: [{ sku: 'OTHER', quantity: 5 }] });

    expect(again).toBe('shipment-1');
    expect(shipments.count).toBe(1);
    expect(shipments.published).toHaveLength(1);
  });

  it('refuses an order without lines and stores nothing', async () => {
    await expect(handler.execute({ orderId: 'order-1', lines: [] })).rejects.toMatchObject({ code: 'shipment_has_no_lines' });
    expect(shipments.count).toBe(0);
  });

  it('reports a conflict when another writer created the order\'s shipment after it looked', async () => {
    /** A read that missed a concurrent writer: only the store's unique order constraint is left. */
    class LaggingReads extends InMemoryShipments {
      override async ofOrder() {
        return [];
      }
    }
    const store = new LaggingReads();
    await new CreateShipmentHandler(store, new FixedClock(), new SequentialIds('first')).execute(order);

    await expect(new CreateShipmentHandler(store, new FixedClock(), new SequentialIds('second')).execute(order)).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
  });
});
