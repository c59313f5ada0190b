import { z } from 'zod';
import { ledgerAccounts, revenueEventKinds } from '@bazaar/finance-domain';
import { moneyResponse } from './money.schemas';

export const listRevenueEventsQuery = z.object({
  orderId: z.uuid(),
});
export type ListRevenueEventsQuery = z.output<typeof listRevenueEventsQuery>;

export const revenueEventsResponse = z.object({
  revenueEvents: z.array(
    z.object({
      revenueEventId: z.uuid(),
      orderId: z.uuid(),
      kind: z.enum(revenueEventKinds).describe('deferred at payment; then recognized at dispatch, or reversed at a cancellation'),
      amount: moneyResponse,
      recordedAt: z.iso.datetime(),
      reversesRevenueEventId: z.uuid().optional().describe('on a reversal: the deferred entry it undoes'),
      recognizesRevenueEventId: z.uuid().optional().describe('on a recognition: the deferred entry it earns'),
      shipmentId: z.uuid().optional().describe('on a recognition: the dispatched shipment that earned it'),
      lines: z.array(z.object({ account: z.enum(ledgerAccounts), side: z.enum(['debit', 'credit']), amount: moneyResponse })),
    }),
  ),
});
export type RevenueEventsResponse = z.input<typeof revenueEventsResponse>;
