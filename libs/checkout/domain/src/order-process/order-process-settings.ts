/** How long the process waits, and how it retries the gateway. Configuration, not code paths. */
export interface OrderProcessSettings {
  /** After the payment is authorized, how long Fulfillment has to answer before the order is cancelled (`timed_out`). */
  readonly reservationTimeoutMs: number;
  /** Authorization attempts before giving up and cancelling (`timed_out`); voids are retried until they succeed. */
  readonly maxAuthorizationAttempts: number;
  /** Exponential backoff between attempts of a gateway command: initial, doubling, capped. */
  readonly backoff: { readonly initialMs: number; readonly maxMs: number };
}

export const defaultOrderProcessSettings: OrderProcessSettings = {
  reservationTimeoutMs: 15 * 60_000,
  maxAuthorizationAttempts: 5,
  backoff: { initialMs: 1_000, maxMs: 60_000 },
};

/** The wait after the `failures`-th failure in a row: 1s, 2s, 4s, … up to the cap. */
export function backoffAfter(failures: number, { initialMs, maxMs }: OrderProcessSettings['backoff']): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}
