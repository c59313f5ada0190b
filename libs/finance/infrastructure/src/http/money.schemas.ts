import { z } from 'zod';

/** Integer minor units and an ISO 4217 currency, in every Finance answer. */
export const moneyResponse = z.object({ amount: z.int().describe('minor units'), currency: z.string().length(3) });
