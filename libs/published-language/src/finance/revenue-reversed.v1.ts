import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.revenue-reversed.v1` — Finance recorded a reversal entry for an order whose payment had
 * been authorized and which was then cancelled: the revenue it deferred is no longer expected.
 * The deferred entry stays in the ledger (entries are immutable); this balanced entry undoes it,
 * for the same amount. Key: the order id (an order's ledger). Producer: Finance.
 */
export const RevenueReversedV1 = defineEvent({
  type: 'finance.revenue-reversed',
  version: 1,
  producer: 'finance',
  topic: Topics.financeLedgers,
  schema: z.object({
    /** The reversal entry's id. */
    revenueEventId: z.uuid(),
    /** The entry it reverses: the order's deferred revenue (`finance.revenue-deferred.v1`). */
    reversedRevenueEventId: z.uuid(),
    orderId: z.uuid(),
    amount: moneySchema,
    recordedAt: instantSchema,
  }),
});
export type RevenueReversedV1 = EventData<typeof RevenueReversedV1>;
