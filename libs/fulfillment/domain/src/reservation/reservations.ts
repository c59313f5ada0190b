import { Reservation } from './reservation';

/** The repository port: one reservation per order, ever. */
export abstract class Reservations {
  abstract ofOrder(orderId: string): Promise<Reservation | null>;

  /** The reservations of these orders (those never decided are simply absent), in one read. */
  abstract ofOrders(orderIds: readonly string[]): Promise<readonly Reservation[]>;

  /**
   * Stores a new reservation or a changed one (version-checked), with its pending events. Throws
   * ConcurrencyConflict when another writer got there first, including another reservation (or
   * cancellation record) for the same order.
   */
  abstract save(reservation: Reservation): Promise<void>;

  /**
   * Stores many new or changed reservations (one per order) with their pending events, in one go
   * and all or none: the same checks as `save`, and the same ConcurrencyConflict when any of them
   * lost a race.
   */
  abstract saveAll(reservations: readonly Reservation[]): Promise<void>;
}
