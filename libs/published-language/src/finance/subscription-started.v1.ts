import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.subscription-started.v1` — A seller subscribed to a plan; its first period runs from periodStart to periodEnd and is billed at price. Key: the aggregate id. Producer: Finance.
 */
export const SubscriptionStartedV1 = defineEvent({
  type: 'finance.subscription-started',
  version: 1,
  producer: 'finance',
  topic: Topics.financeSubscriptions,
  schema: z.object({
    subscriptionId: z.uuid(),
    sellerId: z.string().min(1),
    plan: z.string().min(1),
    price: moneySchema,
    periodStart: instantSchema,
    periodEnd: instantSchema,
    startedAt: instantSchema,
  }),
});
export type SubscriptionStartedV1 = EventData<typeof SubscriptionStartedV1>;
