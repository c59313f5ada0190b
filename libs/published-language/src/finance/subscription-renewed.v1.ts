import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.subscription-renewed.v1` — A seller's subscription entered its next period, billed at price. Key: the aggregate id. Producer: Finance.
 */
export const SubscriptionRenewedV1 = defineEvent({
  type: 'finance.subscription-renewed',
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
    renewedAt: instantSchema,
  }),
});
export type SubscriptionRenewedV1 = EventData<typeof SubscriptionRenewedV1>;
