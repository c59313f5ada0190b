import { Shipment } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { CreateShipmentHandler } from '../create-shipment/create-shipment.handler';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { CancelShipmentHandler } from './cancel-shipment.handler';

describe('Cancel shipment', () => {
  const cancelledAt = new Date('2026-11-21T11:00:00Z');
  let shipments: InMemoryShipments;
  let handler: CancelShipmentHandler;

  beforeEach(async () => {
    shipments = new InMemoryShipments();
    handler = new CancelShipmentHandler(shipments, new FixedClock(cancelledAt));
    const create = new CreateShipmentHandler(shipments, new FixedClock(new Date('2026-11-21T10:00:00Z')), new SequentialIds('shipment'));
    await create.execute({ orderId: 'order-1', lines: [{ sku: 'MUG-BLUE', quantity: 2 }] });
    shipments.published.length = 0;
  });

  it('cancels the order\'s shipment, publishes ShipmentCancelled and answers its id', async () => {
    expect(await handler.execute({ orderId: 'order-1' })).toBe('shipment-1');

    const [shipment] = await shipments.ofOrder('order-1');
    expect(shipment!.status).toBe('cancelled');
    expect(shipments.published).toEqual([{ type: 'ShipmentCancelled', shipmentId: 'shipment-1', orderId: 'order-1', occurredAt: cancelledAt }]);
  });

  it('does nothing for an order without a shipment (cancelled before its payment was authorized)', async () => {
    expect(await handler.execute({ orderId: 'order-2' })).toBeUndefined();

    expect(shipments.count).toBe(1);
    expect(shipments.published).toEqual([]);
  });

  it('changes nothing when the shipment is already cancelled, answering its id', async () => {
    await handler.execute({ orderId: 'order-1' });

    expect(await handler.execute({ orderId: 'order-1' })).toBe('shipment-1');
    expect(shipments.published).toHaveLength(1);
  });

  it('refuses once the shipment is dispatched, changing nothing', async () => {
    const dispatched = new InMemoryShipments();
    dispatched.seed(
      Shipment.restore({ id: 'shipment-9', orderId: 'order-9', status: 'dispatched', lines: [{ sku: 'MUG-BLUE', quantity: 1 }], createdAt: cancelledAt }, 3),
    );

    await expect(new CancelShipmentHandler(dispatched, new FixedClock()).execute({ orderId: 'order-9' })).rejects.toMatchObject({
      code: 'shipment_already_dispatched',
    });
    const [shipment] = await dispatched.ofOrder('order-9');
    expect(shipment!.status).toBe('dispatched');
    expect(dispatched.published).toEqual([]);
  });

  it('reports a conflict when another writer changed the shipment between its read and its save', async () => {
    /** A store where a concurrent cancellation lands right after each read. */
    class RacingWriter extends InMemoryShipments {
      override async ofOrder(orderId: string) {
        const read = await super.ofOrder(orderId);
        const [theirs] = await super.ofOrder(orderId);
        theirs?.cancel(cancelledAt);
        if (theirs) await this.save(theirs);
        return read;
      }
    }
    const store = new RacingWriter();
    await new CreateShipmentHandler(store, new FixedClock(), new SequentialIds('shipment')).execute({ orderId: 'order-3', lines: [{ sku: 'A', quantity: 1 }] });

    await expect(new CancelShipmentHandler(store, new FixedClock()).execute({ orderId: 'order-3' })).rejects.toBeInstanceOf(ConcurrencyConflict);
  });
});
