import { Reservation, Reservations } from '@bazaar/fulfillment-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { publishedReservationEvents } from '../acl/published-events';
import { ReservationRow, selectReservations, toReservation } from './reservation.rows';

/**
 * Reservations in PostgreSQL. A save writes the reservation (INSERT when new — the order id is the
 * key, so a second reservation for an order is a ConcurrencyConflict — version-checked UPDATE
 * otherwise) and its published events to the outbox, in the caller's transaction.
 */
export class TypeOrmReservations extends Reservations {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async ofOrder(orderId: string): Promise<Reservation | null> {
    const rows: ReservationRow[] = await this.transactions.manager.query(`${selectReservations} WHERE order_id = $1`, [orderId]);
    return rows[0] ? toReservation(rows[0]) : null;
  }

  async save(reservation: Reservation): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (reservation.version === 0) await this.insert(manager, reservation);
      else await this.update(manager, reservation);
      await this.outbox.append(manager, publishedReservationEvents(reservation.pendingEvents));
    });
  }

  private async insert(manager: EntityManager, reservation: Reservation): Promise<void> {
    const { orderId, status, lines, unavailable, decidedAt, endedAt } = reservation.snapshot();
    try {
      await manager.query(
        `INSERT INTO reservations (order_id, status, lines, unavailable, decided_at, ended_at, version)
         VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, 1)`,
        [orderId, status, JSON.stringify(lines), JSON.stringify(unavailable), decidedAt, endedAt],
      );
    } catch (error) {
      // Someone decided this order since we looked: retrying finds their decision and does nothing.
      if (isUniqueViolation(error, 'reservations_pkey')) throw new ConcurrencyConflict('Reservation for order', orderId);
      throw error;
    }
  }

  /** Lines and the decision are fixed once made: a change only moves the status on. */
  private async update(manager: EntityManager, reservation: Reservation): Promise<void> {
    const { orderId, status, endedAt } = reservation.snapshot();
    const [, affected] = (await manager.query('UPDATE reservations SET status = $3, ended_at = $4, version = version + 1 WHERE order_id = $1 AND version = $2', [
      orderId,
      reservation.version,
      status,
      endedAt,
    ])) as [unknown, number];
    if (affected === 0) throw new ConcurrencyConflict('Reservation', orderId);
  }
}
