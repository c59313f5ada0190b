import { aShipment } from '@bazaar/fulfillment-domain/testing';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { FixedClock } from '@bazaar/shared-kernel/testing';
import { DeliverShipmentHandler } from '../deliver-shipment/deliver-shipment.handler';
import { PackShipmentHandler } from '../pack-shipment/pack-shipment.handler';
import { InMemoryShipments } from '../testing/in-memory-shipments';
import { PickShipmentHandler } from './pick-shipment.handler';

describe('Picking, packing and delivering a shipment', () => {
  const at = new Date('2026-11-22T09:15:00.000Z');
  let shipments: InMemoryShipments;
  let clock: FixedClock;

  beforeEach(() => {
    shipments = new InMemoryShipments();
    clock = new FixedClock(at);
  });

  const steps = [
    ['picked', 'created', 'ShipmentPicked', () => new PickShipmentHandler(shipments, clock)],
    ['packed', 'picked', 'ShipmentPacked', () => new PackShipmentHandler(shipments, clock)],
    ['delivered', 'dispatched', 'ShipmentDelivered', () => new DeliverShipmentHandler(shipments, clock)],
  ] as const;

  describe.each(steps)('%s', (step, from, event, handler) => {
    it(`moves a shipment from ${from} to ${step}, recording who and when, and publishes ${event}`, async () => {
      shipments.seed(aShipment().withId('s-1').forOrder('o-1').stored(from));

      await handler().execute({ shipmentId: 's-1', actor: 'warehouse-7' });

      const stored = await shipments.withId('s-1');
      expect(stored?.status).toBe(step);
      expect(stored?.snapshot()[step]).toMatchObject({ at, by: 'warehouse-7' });
      expect(shipments.published).toEqual([{ type: event, shipmentId: 's-1', orderId: 'o-1', occurredAt: at, by: 'warehouse-7' }]);
    });

    it('is refused when repeated, publishing nothing more', async () => {
      shipments.seed(aShipment().withId('s-1').stored(from));
      await handler().execute({ shipmentId: 's-1' });

      await expect(handler().execute({ shipmentId: 's-1' })).rejects.toMatchObject({ code: 'shipment_step_already_done' });
      expect(shipments.published).toHaveLength(1);
    });

    it('answers shipment_not_found for an unknown shipment', async () => {
      await expect(handler().execute({ shipmentId: 'nope' })).rejects.toMatchObject({ code: 'shipment_not_found' });
    });
  });

  it.each([
    ['packed', () => new PackShipmentHandler(shipments, clock)],
    ['delivered', () => new DeliverShipmentHandler(shipments, clock)],
  ] as const)('refuses a shipment %s straight from created: no step is skipped', async (_step, handler) => {
    shipments.seed(aShipment().withId('s-1').stored('created'));

    await expect(handler().execute({ shipmentId: 's-1' })).rejects.toMatchObject({ code: 'shipment_step_skipped' });
    expect((await shipments.withId('s-1'))?.status).toBe('created');
  });

  it('reports a conflict when another step landed between its read and its save', async () => {
    /** A store where a cancellation lands right after the first read. */
    class RacingCancellation extends InMemoryShipments {
      #raced = false;

      override async withId(id: string) {
        const read = await super.withId(id);
        if (this.#raced) return read;
        this.#raced = true;
        const theirs = await super.withId(id);
        theirs?.cancel(at);
        if (theirs) await this.save(theirs);
        return read;
      }
    }
    const racing = new RacingCancellation();
    racing.seed(aShipment().withId('s-1').stored('created'));

    await expect(new PickShipmentHandler(racing, clock).execute({ shipmentId: 's-1' })).rejects.toBeInstanceOf(ConcurrencyConflict);
    expect((await racing.withId('s-1'))?.status).toBe('cancelled');
  });
});
