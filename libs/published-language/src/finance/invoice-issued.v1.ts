import { z } from 'zod';
import { defineEvent, EventData } from '../contract';
import { instantSchema, moneySchema, pricedLineSchema } from '../primitives';
import { Topics } from '../topics';

/**
 * `finance.invoice-issued.v1` — Finance issued the invoice of a dispatched order to its buyer. Its
 * number, lines and total never change once issued (a correction would be a credit note, its own
 * event); whether it has been paid is not part of it. One invoice per order. Key: the invoice id.
 * Producer: Finance.
 */
export const InvoiceIssuedV1 = defineEvent({
  type: 'finance.invoice-issued',
  version: 1,
  producer: 'finance',
  topic: Topics.financeInvoices,
  schema: z.object({
    invoiceId: z.uuid(),
    /**
     * `YYYY-NNNNNN`: the year it was issued in (UTC) and its place in that year's sequence, which
     * starts at 1 and has neither gaps nor duplicates (more than six digits after 999999).
     */
    invoiceNumber: z.string().regex(/^\d{4}-\d{6,}$/),
    /** The Checkout order it bills. */
    orderId: z.uuid(),
    /** The buyer billed: their id in Checkout (opaque to consumers). */
    buyerId: z.string().min(1),
    /** The order's lines as Checkout priced them, in the invoice's single currency. */
    lines: z.array(pricedLineSchema).min(1),
    /** Sum of the line totals. */
    total: moneySchema,
    issuedAt: instantSchema,
  }),
});
export type InvoiceIssuedV1 = EventData<typeof InvoiceIssuedV1>;
