import { Shipment, ShipmentEvent, Shipments, ShipmentSnapshot } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/** A faithful fake of the store: versions are checked, one shipment per order, events are kept. */
export class InMemoryShipments extends Shipments {
  readonly #rows = new Map<string, { snapshot: ShipmentSnapshot; version: number }>();
  /** Events "written to the outbox", in save order. */
  readonly published: ShipmentEvent[] = [];

  async save(shipment: Shipment): Promise<void> {
    const stored = this.#rows.get(shipment.id);
    if ((stored?.version ?? 0) !== shipment.version) throw new ConcurrencyConflict('Shipment', shipment.id);
    const otherForOrder = [...this.#rows.values()].some(
      (row) => row.snapshot.orderId === shipment.orderId && row.snapshot.id !== shipment.id,
    );
    if (otherForOrder) throw new ConcurrencyConflict('Shipment for order', shipment.orderId);
    this.#rows.set(shipment.id, { snapshot: shipment.snapshot(), version: shipment.version + 1 });
    this.published.push(...shipment.pendingEvents);
  }

  async ofOrder(orderId: string): Promise<readonly Shipment[]> {
    return [...this.#rows.values()]
      .filter((row) => row.snapshot.orderId === orderId)
      .map((row) => Shipment.restore(row.snapshot, row.version));
  }

  /** Puts a shipment in the store as it is, in any state, without publishing anything. */
  seed(shipment: Shipment): void {
    this.#rows.set(shipment.id, { snapshot: shipment.snapshot(), version: shipment.version });
  }

  get count(): number {
    return this.#rows.size;
  }
}
