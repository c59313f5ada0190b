import { Reservation, ReservationLine, ReservationStatus, UnavailableLine } from '@bazaar/fulfillment-domain';

/** One reservation as the SELECT in TypeOrmReservations returns it (jsonb arrives parsed). */
export interface ReservationRow {
  readonly order_id: string;
  readonly status: ReservationStatus;
  readonly lines: readonly ReservationLine[];
  readonly unavailable: readonly UnavailableLine[];
  readonly decided_at: Date;
  readonly ended_at: Date | null;
  readonly version: number;
}

export const selectReservations = 'SELECT order_id, status, lines, unavailable, decided_at, ended_at, version FROM reservations';

export function toReservation(row: ReservationRow): Reservation {
  return Reservation.restore(
    { orderId: row.order_id, status: row.status, lines: row.lines, unavailable: row.unavailable, decidedAt: row.decided_at, endedAt: row.ended_at },
    row.version,
  );
}
