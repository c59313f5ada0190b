import { Shipment } from '@bazaar/fulfillment-domain';
import { InMemoryShipments } from './in-memory-shipments';

/** A shipment as Fulfillment planned it before it reserved stock: created on payment, with no reservation. */
export class CreateLegacyShipment {
  #next = 1;

  constructor(private readonly shipments: InMemoryShipments) {}

  async for(orderId: string, lines = [{ sku: 'MUG-BLUE', quantity: 2 }]): Promise<Shipment> {
    const shipment = Shipment.create({ id: `legacy-${this.#next++}`, orderId, lines, createdAt: new Date('2026-11-20T10:00:00.000Z') });
    this.shipments.seed(Shipment.restore(shipment.snapshot(), 1));
    return shipment;
  }
}
