import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.revenue-recognized.v1` — Finance recorded the recognition entry of an order whose
 * shipment was dispatched: the revenue it had deferred is now earned. The balanced entry moves the
 * deferred amount from deferred revenue to revenue; the deferred entry stays as it was (entries are
 * immutable). Recorded once per order, however often the dispatch is delivered, and never for an
 * order whose revenue was reversed. Key: the order id (an order's ledger). Producer: Finance.
 */
export const RevenueRecognizedV1 = defineEvent({
  type: 'finance.revenue-recognized',
  version: 1,
  producer: 'finance',
  topic: Topics.financeLedgers,
  schema: z.object({
    /** The recognition entry's id. */
    revenueEventId: z.uuid(),
    /** The entry it recognizes: the order's deferred revenue (`finance.revenue-deferred.v1`). */
    deferredRevenueEventId: z.uuid(),
    orderId: z.uuid(),
    /** The shipment whose dispatch earned the revenue (`fulfillment.shipment-dispatched.v1`). */
    shipmentId: z.uuid(),
    amount: moneySchema,
    recordedAt: instantSchema,
  }),
});
export type RevenueRecognizedV1 = EventData<typeof RevenueRecognizedV1>;
