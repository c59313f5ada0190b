import { Shipment, ShipmentEvent, Shipments, ShipmentSnapshot } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** A faithful fake of the store: versions are checked, one shipment per order, events are kept. */
export class InMemoryShipments extends Shipments implements Transactional {
  #rows = new Map<string, { snapshot: ShipmentSnapshot; version: number }>();
  #published: ShipmentEvent[] = [];

  async save(shipment: Shipment): Promise<void> {
    return this.saveAll([shipment]);
  }

  async saveAll(shipments: readonly Shipment[]): Promise<void> {
    for (const shipment of shipments) {
      const stored = this.#rows.get(shipment.id);
      if ((stored?.version ?? 0) !== shipment.version) throw new ConcurrencyConflict('Shipment', shipment.id);
      const otherForOrder = [...this.#rows.values()].some((row) => row.snapshot.orderId === shipment.orderId && row.snapshot.id !== shipment.id);
      if (otherForOrder) throw new ConcurrencyConflict('Shipment for order', shipment.orderId);
    }
    for (const shipment of shipments) {
      this.#rows.set(shipment.id, { snapshot: shipment.snapshot(), version: shipment.version + 1 });
      this.#published.push(...shipment.pendingEvents);
    }
  }

  async ofOrder(orderId: string): Promise<readonly Shipment[]> {
    return [...this.#rows.values()].filter((row) => row.snapshot.orderId === orderId).map((row) => Shipment.restore(row.snapshot, row.version));
  }

  async ofOrders(orderIds: readonly string[]): Promise<readonly Shipment[]> {
    return (await Promise.all(orderIds.map((orderId) => this.ofOrder(orderId)))).flat();
  }

  async withId(shipmentId: string): Promise<Shipment | null> {
    const row = this.#rows.get(shipmentId);
    return row ? Shipment.restore(row.snapshot, row.version) : null;
  }

  /** Puts a shipment in the store as it is, in any state, without publishing anything. */
  seed(shipment: Shipment): void {
    this.#rows.set(shipment.id, { snapshot: shipment.snapshot(), version: shipment.version });
  }

  /** Events "written to the outbox", in save order. */
  get published(): readonly ShipmentEvent[] {
    return this.#published;
  }

  /** Forgets what was published so far: a spec's arrange step is not its subject. */
  forgetPublished(): void {
    this.#published = [];
  }

  get count(): number {
    return this.#rows.size;
  }

  snapshot(): () => void {
    const rows = new Map(this.#rows);
    const published = [...this.#published];
    return () => {
      this.#rows = rows;
      this.#published = published;
    };
  }
}
