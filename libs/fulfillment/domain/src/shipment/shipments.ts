import { Shipment } from './shipment';

/** The repository port: where shipments live. One shipment per order is enforced by the store too. */
export abstract class Shipments {
  /**
   * Stores a new shipment or a changed one (version-checked), together with its pending events.
   * Throws ConcurrencyConflict when another writer got there first, including another shipment
   * created for the same order.
   */
  abstract save(shipment: Shipment): Promise<void>;

  /**
   * Stores many new or changed shipments with their pending events, in one go and all or none:
   * the same checks as `save`, and the same ConcurrencyConflict when any of them lost a race.
   */
  abstract saveAll(shipments: readonly Shipment[]): Promise<void>;

  abstract ofOrder(orderId: string): Promise<readonly Shipment[]>;

  /** The shipments of these orders, in one read: each order's in the order `ofOrder` gives them. */
  abstract ofOrders(orderIds: readonly string[]): Promise<readonly Shipment[]>;

  abstract withId(shipmentId: string): Promise<Shipment | null>;
}
