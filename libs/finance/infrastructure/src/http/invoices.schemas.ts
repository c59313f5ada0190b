import { z } from 'zod';
import { moneyResponse } from './money.schemas';

export const listInvoicesQuery = z.object({
  orderId: z.uuid(),
});
export type ListInvoicesQuery = z.output<typeof listInvoicesQuery>;

export const invoiceResponse = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z
    .string()
    .regex(/^\d{4}-\d{6,}$/)
    .describe('issuing year (UTC) and place in that year’s gapless sequence, e.g. 2026-000001'),
  orderId: z.uuid(),
  buyerId: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.int(), unitPrice: moneyResponse, lineTotal: moneyResponse })),
  total: moneyResponse,
  issuedAt: z.iso.datetime(),
  payment: z
    .object({ state: z.enum(['authorized']).describe('authorized: the buyer’s payment method holds the total') })
    .describe('kept apart from the content, which never changes once issued'),
});
export type InvoiceResponse = z.input<typeof invoiceResponse>;

export const invoicesResponse = z.object({ invoices: z.array(invoiceResponse) });
export type InvoicesResponse = z.input<typeof invoicesResponse>;
