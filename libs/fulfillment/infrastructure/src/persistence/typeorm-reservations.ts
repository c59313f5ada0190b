import { Reservation, Reservations } from '@bazaar/fulfillment-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { EntityManager } from 'typeorm';
import { publishedReservationEvents } from '../acl/published-events';
import { ReservationRow, selectReservations, toReservation } from './reservation.rows';

/**
 * Reservations in PostgreSQL. A save writes the reservations set-based — one INSERT for the new
 * ones (the order id is the key, so a second reservation for an order is a ConcurrencyConflict),
 * one version-checked UPDATE for the changed ones — and their published events to the outbox in one
 * more, in the caller's transaction: one reservation or a consumer's batch of them alike.
 */
export class TypeOrmReservations extends Reservations {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async ofOrder(orderId: string): Promise<Reservation | null> {
    const [reservation] = await this.ofOrders([orderId]);
    return reservation ?? null;
  }

  async ofOrders(orderIds: readonly string[]): Promise<readonly Reservation[]> {
    if (orderIds.length === 0) return [];
    const rows: ReservationRow[] = await this.transactions.manager.query(`${selectReservations} WHERE order_id = ANY($1::uuid[])`, [orderIds]);
    return rows.map(toReservation);
  }

  save(reservation: Reservation): Promise<void> {
    return this.saveAll([reservation]);
  }

  async saveAll(reservations: readonly Reservation[]): Promise<void> {
    if (reservations.length === 0) return;
    await this.transactions.run(async (manager) => {
      const fresh = reservations.filter((reservation) => reservation.version === 0);
      const changed = reservations.filter((reservation) => reservation.version > 0);
      if (fresh.length > 0) await this.insert(manager, fresh);
      if (changed.length > 0) await this.update(manager, changed);
      await this.outbox.append(
        manager,
        reservations.flatMap((reservation) => publishedReservationEvents(reservation.pendingEvents)),
      );
    });
  }

  private async insert(manager: EntityManager, reservations: readonly Reservation[]): Promise<void> {
    // In order id order, as every writer inserts them: two writers of the same orders wait rather than deadlock.
    const snapshots = reservations.map((reservation) => reservation.snapshot()).sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
    try {
      await manager.query(
        `INSERT INTO reservations (order_id, status, lines, unavailable, decided_at, ended_at, version)
         SELECT order_id, status, lines, unavailable, decided_at, ended_at, 1
           FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[])
                AS r (order_id, status, lines, unavailable, decided_at, ended_at)`,
        [
          snapshots.map((s) => s.orderId),
          snapshots.map((s) => s.status),
          snapshots.map((s) => JSON.stringify(s.lines)),
          snapshots.map((s) => JSON.stringify(s.unavailable)),
          snapshots.map((s) => s.decidedAt),
          snapshots.map((s) => s.endedAt),
        ],
      );
    } catch (error) {
      // Someone decided one of these orders since we looked: retrying finds their decision and does nothing.
      if (isUniqueViolation(error, 'reservations_pkey')) throw new ConcurrencyConflict('Reservation for order', snapshots.map((s) => s.orderId).join(', '));
      throw error;
    }
  }

  /** Lines and the decision are fixed once made: a change only moves the status on. Fewer rows than reservations means someone else wrote one. */
  private async update(manager: EntityManager, reservations: readonly Reservation[]): Promise<void> {
    const snapshots = reservations.map((reservation) => reservation.snapshot());
    const [, affected] = (await manager.query(
      `UPDATE reservations r
          SET status = v.status, ended_at = v.ended_at, version = r.version + 1
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[]) AS v (order_id, version, status, ended_at)
        WHERE r.order_id = v.order_id AND r.version = v.version`,
      [snapshots.map((s) => s.orderId), reservations.map((reservation) => reservation.version), snapshots.map((s) => s.status), snapshots.map((s) => s.endedAt)],
    )) as [unknown, number];
    if (affected !== reservations.length) throw new ConcurrencyConflict('Reservation', snapshots.map((s) => s.orderId).join(', '));
  }
}
