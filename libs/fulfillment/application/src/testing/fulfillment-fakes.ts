import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { InMemoryReservations } from './in-memory-reservations';
import { InMemoryShipments } from './in-memory-shipments';
import { InMemoryStockItems } from './in-memory-stock-items';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';

/**
 * Every port of Fulfillment's application as an in-memory fake, sharing one clock and one unit of
 * work: what a spec builds its handler from.
 */
export function fulfillmentFakes() {
  const stock = new InMemoryStockItems();
  const reservations = new InMemoryReservations();
  const shipments = new InMemoryShipments();
  const clock = new FixedClock(new Date('2026-11-21T10:00:00.000Z'));
  return {
    stock,
    reservations,
    shipments,
    clock,
    ids: new SequentialIds('shipment'),
    unitOfWork: new InMemoryUnitOfWork(stock, reservations, shipments),
  };
}

export type FulfillmentFakes = ReturnType<typeof fulfillmentFakes>;
