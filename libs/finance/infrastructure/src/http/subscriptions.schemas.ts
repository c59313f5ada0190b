import { z } from 'zod';
import { SubscriptionDetails } from '@bazaar/finance-application';
import { moneyResponse } from './money.schemas';

/** Shapes and lengths only (400 `invalid_request`); the plan and the payment method reference answer 422 with their own codes. */
export const startSubscriptionRequest = z.strictObject({
  sellerId: z.string().trim().min(1).max(100),
  plan: z.string().trim().min(1).max(40).describe('a plan on offer: basic, standard or premium by default'),
  paymentMethodRef: z.string().trim().min(1).max(80).optional().describe('`pm_…` from the payment provider, or `invoice` (the default): a bank transfer'),
});
export type StartSubscriptionRequest = z.output<typeof startSubscriptionRequest>;

const period = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });

export const subscriptionResponse = z.object({
  subscriptionId: z.uuid(),
  sellerId: z.string(),
  billingAccountId: z.uuid(),
  plan: z.string(),
  price: moneyResponse.describe('per period'),
  status: z.enum(['active', 'cancelled']).describe('a cancelled subscription is not renewed'),
  currentPeriod: period,
  startedAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
  invoices: z.array(
    z.object({
      invoiceId: z.uuid(),
      invoiceNumber: z
        .string()
        .regex(/^S\d{4}-\d{6,}$/)
        .describe('the seller invoices’ own gapless yearly series, e.g. S2026-000001'),
      period,
      total: moneyResponse,
      issuedAt: z.iso.datetime(),
      lines: z.int(),
      linesRecorded: z.int().describe('lines the books of record have confirmed'),
    }),
  ),
});
export type SubscriptionResponse = z.input<typeof subscriptionResponse>;

export function toSubscriptionResponse(s: SubscriptionDetails): SubscriptionResponse {
  return {
    subscriptionId: s.subscriptionId,
    sellerId: s.sellerId,
    billingAccountId: s.billingAccountId,
    plan: s.plan,
    price: { ...s.price },
    status: s.status,
    currentPeriod: { start: s.currentPeriod.start.toISOString(), end: s.currentPeriod.end.toISOString() },
    startedAt: s.startedAt.toISOString(),
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    invoices: s.invoices.map((invoice) => ({
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.invoiceNumber,
      period: { start: invoice.period.start.toISOString(), end: invoice.period.end.toISOString() },
      total: { ...invoice.total },
      issuedAt: invoice.issuedAt.toISOString(),
      lines: invoice.lines,
      linesRecorded: invoice.linesRecorded,
    })),
  };
}

export const reconciliationResponse = z.object({
  asOf: z.iso.datetime(),
  invoices: z.array(
    z.object({
      invoiceId: z.uuid(),
      invoiceNumber: z.string(),
      subscriptionId: z.uuid(),
      sellerId: z.string(),
      total: moneyResponse,
      issuedAt: z.iso.datetime(),
      ageSeconds: z.int().describe('since the invoice was issued'),
      lines: z.int(),
      linesRecorded: z.int(),
    }),
  ),
});
export type ReconciliationResponse = z.input<typeof reconciliationResponse>;
