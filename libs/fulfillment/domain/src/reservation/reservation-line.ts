/** Units of one SKU an order asks the warehouse for. */
export interface ReservationLine {
  readonly sku: string;
  readonly quantity: number;
}

/** Why a line could not be reserved: the SKU was never stocked, or too few units are free. */
export type UnavailableReason = 'not_stocked' | 'insufficient_stock';

/** A line that could not be reserved, with what was free at the time. */
export interface UnavailableLine {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
  readonly reason: UnavailableReason;
}
