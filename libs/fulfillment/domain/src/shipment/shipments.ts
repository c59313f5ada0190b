import { Shipment } from './shipment';

/** The repository port: where shipments live. One shipment per order is enforced by the store too. */
export abstract class Shipments {
  /**
   * Stores a new shipment or a changed one (version-checked), together with its pending events.
   * Throws ConcurrencyConflict when another writer got there first, including another shipment
   * created for the same order.
   */
  abstract save(shipment: Shipment): Promise<void>;

  abstract ofOrder(orderId: string): Promise<readonly Shipment[]>;

  abstract withId(shipmentId: string): Promise<Shipment | null>;
}
