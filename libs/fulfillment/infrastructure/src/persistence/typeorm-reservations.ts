import { Reservation, Reservations } from '@bazaar/fulfillment-domain';
import { aggregateBatch, Transactions, WriteStatement } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { publishedReservationEvents } from '../acl/published-events';
import { ReservationRow, selectReservations, toReservation } from './reservation.rows';

/**
 * Reservations in PostgreSQL. A save writes the reservations set-based — one INSERT for the new
 * ones (the order id is the key, so a second reservation for an order is a ConcurrencyConflict),
 * one version-checked UPDATE for the changed ones — and their published events to the outbox, all
 * with the unit of work's closing statement: one reservation or a consumer's batch of them alike.
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
    const rows: ReservationRow[] = await this.transactions.reader.query(`${selectReservations} WHERE order_id = ANY($1::uuid[])`, [orderIds]);
    return rows.map(toReservation);
  }

  save(reservation: Reservation): Promise<void> {
    return this.saveAll([reservation]);
  }

  /** With the unit of work's closing statement, as the class says. */
  saveAll(reservations: readonly Reservation[]): Promise<void> {
    return this.transactions.run(async () => {
      for (const reservation of reservations) await this.transactions.gather(this.#saved, reservation);
      await this.outbox.gather(
        this.transactions,
        reservations.flatMap((reservation) => publishedReservationEvents(reservation.pendingEvents)),
      );
    });
  }

  readonly #saved = aggregateBatch<Reservation>({ insert: (fresh) => [insertStatement(fresh)], update: (changed) => [updateStatement(changed)] });
}

/** In order id order, as every writer inserts them: two writers of the same orders wait rather than deadlock. Someone who decided one of these orders first makes it a ConcurrencyConflict (retrying finds their decision and does nothing). */
function insertStatement(reservations: readonly Reservation[]): WriteStatement {
  const snapshots = reservations.map((reservation) => reservation.snapshot()).sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  return {
    text: `INSERT INTO reservations (order_id, status, lines, unavailable, decided_at, ended_at, version)
           SELECT order_id, status, lines, unavailable, decided_at, ended_at, 1
             FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[])
                  AS r (order_id, status, lines, unavailable, decided_at, ended_at)
           ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
    values: [
      snapshots.map((s) => s.orderId),
      snapshots.map((s) => s.status),
      snapshots.map((s) => JSON.stringify(s.lines)),
      snapshots.map((s) => JSON.stringify(s.unavailable)),
      snapshots.map((s) => s.decidedAt),
      snapshots.map((s) => s.endedAt),
    ],
    expect: { rows: snapshots.length, otherwise: () => new ConcurrencyConflict('Reservation for order', snapshots.map((s) => s.orderId).join(', ')) },
  };
}

/** Lines and the decision are fixed once made: a change only moves the status on. Fewer rows than reservations means someone else wrote one. */
function updateStatement(reservations: readonly Reservation[]): WriteStatement {
  const snapshots = reservations.map((reservation) => reservation.snapshot());
  return {
    text: `UPDATE reservations r
              SET status = v.status, ended_at = v.ended_at, version = r.version + 1
             FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[]) AS v (order_id, version, status, ended_at)
            WHERE r.order_id = v.order_id AND r.version = v.version
            RETURNING r.order_id`,
    values: [snapshots.map((s) => s.orderId), reservations.map((reservation) => reservation.version), snapshots.map((s) => s.status), snapshots.map((s) => s.endedAt)],
    expect: { rows: snapshots.length, otherwise: () => new ConcurrencyConflict('Reservation', snapshots.map((s) => s.orderId).join(', ')) },
  };
}
