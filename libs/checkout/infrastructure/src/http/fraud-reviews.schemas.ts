import { PendingFraudReview } from '@bazaar/checkout-application';
import { z } from 'zod';
import { moneyRequest } from './orders.schemas';

export const pendingFraudReviewsResponse = z.object({
  reviews: z.array(
    z.object({
      orderId: z.uuid(),
      buyerId: z.string(),
      total: moneyRequest,
      score: z.int(),
      reasons: z.array(z.string()),
      requestedAt: z.iso.datetime(),
    }),
  ),
});

export type PendingFraudReviewsResponse = z.output<typeof pendingFraudReviewsResponse>;

export function toPendingFraudReviewsResponse(reviews: readonly PendingFraudReview[]): PendingFraudReviewsResponse {
  return {
    reviews: reviews.map((review) => ({ ...review, reasons: [...review.reasons], requestedAt: review.requestedAt.toISOString() })),
  };
}
