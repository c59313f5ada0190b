import { Reservation, ReservationEvent, Reservations, ReservationSnapshot } from '@bazaar/fulfillment-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** A faithful fake of the reservation store: one per order, versions checked, events kept as the outbox would. */
export class InMemoryReservations extends Reservations implements Transactional {
  #rows = new Map<string, { snapshot: ReservationSnapshot; version: number }>();
  #published: ReservationEvent[] = [];

  async ofOrder(orderId: string): Promise<Reservation | null> {
    const row = this.#rows.get(orderId);
    return row ? Reservation.restore(row.snapshot, row.version) : null;
  }

  async ofOrders(orderIds: readonly string[]): Promise<readonly Reservation[]> {
    return (await Promise.all(orderIds.map((orderId) => this.ofOrder(orderId)))).filter((reservation) => reservation !== null);
  }

  async save(reservation: Reservation): Promise<void> {
    return this.saveAll([reservation]);
  }

  async saveAll(reservations: readonly Reservation[]): Promise<void> {
    for (const reservation of reservations) {
      if ((this.#rows.get(reservation.orderId)?.version ?? 0) !== reservation.version) throw new ConcurrencyConflict('Reservation', reservation.orderId);
    }
    for (const reservation of reservations) {
      this.#rows.set(reservation.orderId, { snapshot: reservation.snapshot(), version: reservation.version + 1 });
      this.#published.push(...reservation.pendingEvents);
    }
  }

  /** Events "written to the outbox", in save order. */
  get published(): readonly ReservationEvent[] {
    return this.#published;
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
