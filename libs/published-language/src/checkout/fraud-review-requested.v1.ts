import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.fraud-review-requested.v1` — fraud screening scored the order at or above the review
 * threshold: it waits for a risk analyst's decision before any payment is attempted. Key: the order
 * id. Producer: Checkout.
 */
export const FraudReviewRequestedV1 = defineEvent({
  type: 'checkout.fraud-review-requested',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    /** The summed score of the fraud rules that fired. */
    score: z.number().int().min(0),
    /** Codes of the rules that fired, e.g. `large_order`, `buyer_velocity`, `high_risk_country`. */
    reasons: z.array(z.string().min(1)),
    requestedAt: instantSchema,
  }),
});
export type FraudReviewRequestedV1 = EventData<typeof FraudReviewRequestedV1>;
