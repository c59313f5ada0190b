import { z } from 'zod';
import { ledgerAccounts } from '@bazaar/finance-domain';

const minorUnits = z.int().describe('minor units');

export const trialBalanceResponse = z.object({
  accounts: z
    .array(
      z.object({
        account: z.enum(ledgerAccounts),
        currency: z.string().length(3),
        debits: minorUnits,
        credits: minorUnits,
        balance: minorUnits.describe('debits − credits: positive is a debit balance, negative a credit balance'),
      }),
    )
    .describe('every account that has lines, per currency, sorted by currency then account'),
  totals: z
    .array(z.object({ currency: z.string().length(3), debits: minorUnits, credits: minorUnits, balanced: z.boolean().describe('debits = credits') }))
    .describe('per currency: every entry balances, so debits always equal credits'),
});
export type TrialBalanceResponse = z.input<typeof trialBalanceResponse>;
