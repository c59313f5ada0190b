import { Reservation } from './reservation';

/** The repository port: one reservation per order, ever. */
export abstract class Reservations {
  abstract ofOrder(orderId: string): Promise<Reservation | null>;

  /**
   * Stores a new reservation or a changed one (version-checked), with its pending events. Throws
   * ConcurrencyConflict when another writer got there first, including another reservation (or
   * cancellation record) for the same order.
   */
  abstract save(reservation: Reservation): Promise<void>;
}
