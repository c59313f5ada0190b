export interface ReservedLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface UnavailableLine {
  readonly sku: string;
  readonly requested: number;
  readonly available: number;
  /** `not_stocked` (the warehouse never stocked it) or `insufficient_stock`; null when Fulfillment did not say. */
  readonly reason: 'not_stocked' | 'insufficient_stock' | null;
}

/** Fulfillment's answer to the paid order: stock reserved for every line, or nothing reserved and why. */
export type Reservation =
  | { readonly status: 'reserved'; readonly lines: readonly ReservedLine[]; readonly reservedAt: string }
  | { readonly status: 'failed'; readonly unavailable: readonly UnavailableLine[]; readonly failedAt: string };

/**
 * Fulfillment answers an order once, so the first answer seen stays. Were both answers ever seen,
 * the one holding stock is shown whichever came first, so arrival order cannot change the outcome.
 */
export function withReservation(current: Reservation | null, answer: Reservation): Reservation {
  if (current === null) return answer;
  return current.status === 'failed' && answer.status === 'reserved' ? answer : current;
}
