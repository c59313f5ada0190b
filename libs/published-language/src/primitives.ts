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

/**
 * A postal address sealed with its buyer's data key (crypto-shredding): AES-256-GCM, a random
 * 96-bit IV, a 128-bit tag, bound by associated data to {@link sealedAddressPurpose} (this buyer's
 * address on this order), so a sealed value copied into another order or buyer does not open. The
 * plaintext is the JSON of {@link addressSchema}. The key travels apart, wrapped, on
 * `checkout.buyer-keys` (`checkout.buyer-data-key.v1`); once Checkout erases the buyer it is
 * deleted everywhere and what was sealed with it can never be read again.
 */
export const sealedAddressSchema = z.object({
  /** The only algorithm so far; a new one would be a new value. */
  algorithm: z.literal('AES-256-GCM'),
  /** Which data key sealed it: the `keyId` of the buyer's `checkout.buyer-data-key.v1`. */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
  ciphertext: z.string().regex(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/),
});

/** The associated data a sealed address is bound to: `shipping-address:<buyerId>:<orderId>`. */
export function sealedAddressPurpose(buyerId: string, orderId: string): string {
  return `shipping-address:${buyerId}:${orderId}`;
}

/** An order line as Checkout priced it: `lineTotal` = `quantity` × `unitPrice`, all in the order's currency. */
export const pricedLineSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().min(1),
  unitPrice: moneySchema,
  lineTotal: moneySchema,
});

/** An ISO-8601 instant with an offset (UTC `Z` in practice). */
export const instantSchema = z.iso.datetime({ offset: true });
