import { Money } from '@bazaar/shared-kernel';
import { LegacyBillingRefused } from './legacy-errors';

/*
 * The legacy system's way of writing things. It knows amounts only as decimal strings with two
 * places ("29.00") and dates as `DD.MM.YYYY HH:mm` in UTC; a reference field (TEXT/EXTREF) holds at
 * most 40 characters.
 */

/** Currencies whose minor unit is a hundredth: the only ones a two-place decimal can carry exactly. */
const twoPlaceCurrencies = new Set(['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK']);

/** 2900 EUR minor units → "29.00". */
export function toLegacyAmount({ amount, currency }: Money): string {
  if (!twoPlaceCurrencies.has(currency))
    throw new LegacyBillingRefused('currency_not_supported', `the legacy system books amounts with two decimals; ${currency} has another minor unit`);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new LegacyBillingRefused('amount_not_supported', `amount ${amount} is not a non-negative integer`);
  const units = Math.floor(amount / 100);
  return `${units}.${String(amount % 100).padStart(2, '0')}`;
}

/** "29.00" → 2900. */
export function fromLegacyAmount(decimal: string): number {
  const match = /^(\d+)\.(\d{2})$/.exec(decimal);
  if (!match) throw new Error(`Not a legacy amount: ${JSON.stringify(decimal)}`);
  return Number(match[1]) * 100 + Number(match[2]);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A UTC instant → "01.12.2026 09:05" (minutes: the legacy system keeps no seconds). */
export function toLegacyDate(at: Date): string {
  return `${two(at.getUTCDate())}.${two(at.getUTCMonth() + 1)}.${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}

/** "01.12.2026 09:05" → that UTC minute. */
export function fromLegacyDate(text: string): Date {
  const match = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`Not a legacy date: ${JSON.stringify(text)}`);
  const [, day, month, year, hours, minutes] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day, hours, minutes));
}

/**
 * The references Finance writes into the legacy records' EXTREF/TEXT fields: unique per request,
 * so a lookup by reference tells whether an earlier attempt was booked.
 */
export const legacyReference = {
  /** `BZR-A-<billing account id without dashes>`: 38 characters. */
  account: (billingAccountId: string) => `BZR-A-${compact(billingAccountId)}`,
  /** `BZR-C-<subscription id without dashes>`: 38 characters. */
  contract: (subscriptionId: string) => `BZR-C-${compact(subscriptionId)}`,
  /** An invoice line: `BZR-L-<invoice id without dashes>-<line no>` (40 characters up to line 9). */
  charge: (invoiceId: string, lineNo: number) => `BZR-L-${compact(invoiceId)}-${lineNo}`,
};

const compact = (uuid: string) => uuid.replace(/-/g, '');

/** The ChargeCode every subscription fee is posted under. */
export const SUBSCRIPTION_FEE_CHARGE_CODE = 'SUBFEE';

/** A plan as a legacy PRODUCT: upper case, at most 12 characters. */
export function toLegacyProduct(plan: string): string {
  return plan
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')
    .slice(0, 12);
}
