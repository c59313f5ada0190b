import { Money } from '@bazaar/shared-kernel';

/** One order waiting for a risk analyst, with what screening found. */
export interface PendingFraudReview {
  readonly orderId: string;
  readonly buyerId: string;
  readonly total: Money;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly requestedAt: Date;
}

/** The analysts' queue: orders in review with no decision yet, oldest request first. A read-side query. */
export abstract class PendingFraudReviews {
  abstract list(limit: number): Promise<PendingFraudReview[]>;
}
