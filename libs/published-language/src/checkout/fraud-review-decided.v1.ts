import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `checkout.fraud-review-decided.v1` — a risk analyst decided an order's fraud review. Approved:
 * payment authorization follows. Rejected: `checkout.order-cancelled.v1` (`fraud_rejected`)
 * follows. Key: the order id. Producer: Checkout.
 */
export const FraudReviewDecidedV1 = defineEvent({
  type: 'checkout.fraud-review-decided',
  version: 1,
  producer: 'checkout',
  topic: Topics.checkoutOrders,
  schema: z.object({
    orderId: z.uuid(),
    decision: z.enum(['approved', 'rejected']),
    decidedAt: instantSchema,
    /** The analyst who decided (the `sub` of their token); absent on decisions made before they were attributed. */
    decidedBy: z.string().min(1).optional(),
    /** Why, in the analyst's words; absent where `decidedBy` is. */
    reason: z.string().min(1).max(1000).optional(),
  }),
});
export type FraudReviewDecidedV1 = EventData<typeof FraudReviewDecidedV1>;
