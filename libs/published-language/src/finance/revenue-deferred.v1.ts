import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.revenue-deferred.v1` — Finance recorded a deferred revenue entry for an order: money is
 * expected but not yet earned (it is recognized at dispatch). Key: the order id (an order's ledger).
 * Producer: Finance.
 */
export const RevenueDeferredV1 = defineEvent({
  type: 'finance.revenue-deferred',
  version: 1,
  producer: 'finance',
  topic: Topics.financeLedgers,
  schema: z.object({
    revenueEventId: z.uuid(),
    orderId: z.uuid(),
    amount: moneySchema,
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});
export type RevenueDeferredV1 = EventData<typeof RevenueDeferredV1>;
