/** An order's manual fraud review, from its request and its decision, whichever Support sees first. */
export interface FraudReview {
  /** The summed score of the fraud rules that fired; null until the request is seen. */
  readonly score: number | null;
  /** Codes of the rules that fired, e.g. `large_order`; null until the request is seen. */
  readonly reasons: readonly string[] | null;
  readonly requestedAt: string | null;
  readonly decision: 'pending' | 'approved' | 'rejected';
  readonly decidedAt: string | null;
}

const notSeen: FraudReview = { score: null, reasons: null, requestedAt: null, decision: 'pending', decidedAt: null };

export interface FraudReviewRequest {
  readonly score: number;
  readonly reasons: readonly string[];
  readonly requestedAt: string;
}

export interface FraudReviewDecision {
  readonly decision: 'approved' | 'rejected';
  readonly decidedAt: string;
}

export function withReviewRequest(review: FraudReview | null, { score, reasons, requestedAt }: FraudReviewRequest): FraudReview {
  const current = review ?? notSeen;
  return current.requestedAt === null ? { ...current, score, reasons, requestedAt } : current;
}

export function withReviewDecision(review: FraudReview | null, { decision, decidedAt }: FraudReviewDecision): FraudReview {
  const current = review ?? notSeen;
  return current.decidedAt === null ? { ...current, decision, decidedAt } : current;
}
