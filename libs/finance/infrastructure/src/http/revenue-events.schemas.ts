import { z } from 'zod';

export const listRevenueEventsQuery = z.object({
  orderId: z.uuid(),
});
export type ListRevenueEventsQuery = z.output<typeof listRevenueEventsQuery>;

const money = z.object({ amount: z.int(), currency: z.string().length(3) });

export const revenueEventsResponse = z.object({
  revenueEvents: z.array(
    z.object({
      revenueEventId: z.uuid(),
      orderId: z.uuid(),
      kind: z.enum(['deferred', 'reversal']),
      amount: money,
      recordedAt: z.iso.datetime(),
      /** On a reversal: the deferred entry it undoes. */
      reversesRevenueEventId: z.uuid().optional(),
      lines: z.array(
        z.object({ account: z.enum(['accounts_receivable', 'deferred_revenue']), side: z.enum(['debit', 'credit']), amount: money }),
      ),
    }),
  ),
});
export type RevenueEventsResponse = z.input<typeof revenueEventsResponse>;
