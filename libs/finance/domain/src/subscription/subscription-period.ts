import { SubscriptionPeriodInvalid } from './subscription-errors';

/** The stretch of time one payment of the plan covers: from `start` (included) to `end` (excluded). */
export interface SubscriptionPeriod {
  readonly start: Date;
  readonly end: Date;
}

/** How long every period of a subscription lasts, in milliseconds (configured; a month in production). */
export type PeriodLength = number;

export function periodLength(ms: number): PeriodLength {
  if (!Number.isSafeInteger(ms) || ms < 1000) throw new SubscriptionPeriodInvalid(`a period of ${ms} ms is shorter than a second`);
  return ms;
}

export function periodFrom(start: Date, length: PeriodLength): SubscriptionPeriod {
  return Object.freeze({ start, end: new Date(start.getTime() + length) });
}
