import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.subscription-cancelled.v1` — A seller cancelled their subscription; it is not renewed again. Key: the aggregate id. Producer: Finance.
 */
export const SubscriptionCancelledV1 = defineEvent({
  type: 'finance.subscription-cancelled',
  version: 1,
  producer: 'finance',
  topic: Topics.financeSubscriptions,
  schema: z.object({
    subscriptionId: z.uuid(),
    sellerId: z.string().min(1),
    plan: z.string().min(1),
    cancelledAt: instantSchema,
  }),
});
export type SubscriptionCancelledV1 = EventData<typeof SubscriptionCancelledV1>;
