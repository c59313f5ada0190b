import { z } from 'zod';

/** Integer minor units plus an ISO 4217 currency code. */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** A postal address; `country` is ISO 3166-1 alpha-2. */
export const addressSchema = z.object({
  name: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().min(1).optional(),
  city: z.string().min(1),
  postalCode: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
});

/** An order line as Checkout priced it: `lineTotal` = `quantity` × `unitPrice`, all in the order's currency. */
export const pricedLineSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().min(1),
  unitPrice: moneySchema,
  lineTotal: moneySchema,
});

/** An ISO-8601 instant with an offset (UTC `Z` in practice). */
export const instantSchema = z.iso.datetime({ offset: true });
