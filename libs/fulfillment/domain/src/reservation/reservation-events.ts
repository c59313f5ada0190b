import { ReservationLine, UnavailableLine } from './reservation-line';

/** Stock is held for every line of a paid order. */
export interface InventoryReserved {
  readonly type: 'InventoryReserved';
  readonly orderId: string;
  readonly lines: readonly ReservationLine[];
  readonly occurredAt: Date;
}

/** Some line of a paid order could not be held, so nothing was. */
export interface InventoryReservationFailed {
  readonly type: 'InventoryReservationFailed';
  readonly orderId: string;
  readonly unavailable: readonly UnavailableLine[];
  readonly occurredAt: Date;
}

/** Every fact a Reservation publishes; releasing and shipping change stock, and are told by the shipment's events. */
export type ReservationEvent = InventoryReserved | InventoryReservationFailed;
