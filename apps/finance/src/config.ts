import type { FinanceSettings } from '@bazaar/finance-infrastructure';
import { serviceConfigSchema } from '@bazaar/platform-service';
import { z } from 'zod';

const ms = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** `P30D`, `PT1H30M`, `PT20S` (days, hours, minutes, seconds) or a number of seconds → milliseconds. */
const duration = z
  .string()
  .trim()
  .transform((text, context) => {
    if (/^\d+$/.test(text)) return Number(text) * 1000;
    const ms = isoDurationMs(text);
    if (ms === undefined) {
      context.addIssue({ code: 'custom', message: 'an ISO 8601 duration of days, hours, minutes and seconds (P30D, PT20S) or a number of seconds' });
      return z.NEVER;
    }
    return ms;
  })
  .pipe(z.number().int().min(1000, 'a period lasts at least a second'));

const unitMs: Record<string, number> = { D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 };

/** `P1DT2H3M4S` and its shorter forms; months and years are refused (their length varies). */
function isoDurationMs(text: string): number | undefined {
  const [datePart, timePart, ...rest] = text.startsWith('P') ? text.slice(1).split('T') : [];
  if (datePart === undefined || rest.length > 0 || timePart === '') return undefined;
  const parts = [...(datePart.match(/\d+[A-Z]/g) ?? []).map((p) => ({ p, allowed: 'D' })), ...(timePart?.match(/\d+[A-Z]/g) ?? []).map((p) => ({ p, allowed: 'HMS' }))];
  if (parts.length === 0 || parts.map(({ p }) => p).join('').length !== datePart.length + (timePart?.length ?? 0)) return undefined;
  let total = 0;
  for (const { p, allowed } of parts) {
    const unit = p.slice(-1);
    if (!allowed.includes(unit)) return undefined;
    total += Number(p.slice(0, -1)) * (unitMs[unit] ?? 0);
  }
  return total;
}

/** `basic:900:EUR,standard:2900:EUR`: each plan's code, its price per period in minor units, and the currency. */
const plans = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((plan) => plan.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[a-z][a-z0-9-]*:\d+:[A-Z]{3}$/, 'code:minorUnits:CURRENCY, e.g. standard:2900:EUR')
          .transform((plan) => {
            const [code, amount, currency] = plan.split(':') as [string, string, string];
            return { code, price: { amount: Number(amount), currency } };
          }),
      )
      .min(1),
  );

/** Finance's settings: the platform's, the subscriptions' (plans, period, renewal clock) and the legacy billing system's. */
export const financeConfigSchema = serviceConfigSchema({ name: 'finance', port: 3003 }).extend({
  SUBSCRIPTION_PLANS: z.string().default('basic:900:EUR,standard:2900:EUR,premium:9900:EUR').pipe(plans),
  /** The length of every subscription period: 30 days unless told (seconds in tests and demos). */
  SUBSCRIPTION_PERIOD: z.string().default('P30D').pipe(duration),
  SUBSCRIPTION_RENEWAL_INTERVAL_MS: ms(5_000, 10),
  LEGACY_BILLING_URL: z.url().default('http://127.0.0.1:3005'),
  LEGACY_BILLING_TIMEOUT_MS: ms(5_000, 10),
  LEGACY_BILLING_POLL_INTERVAL_MS: ms(1_000, 10),
  LEGACY_BILLING_LEASE_MS: ms(30_000, 100),
  /** The first wait after a failed call (doubling); longer than the legacy system ever takes to act on a call Finance gave up on. */
  LEGACY_BILLING_RETRY_INITIAL_MS: ms(10_000, 10),
  LEGACY_BILLING_RETRY_MAX_MS: ms(300_000, 10),
  LEGACY_BILLING_CONFIRMATION_CHECK_MS: ms(60_000, 10),
});

export type FinanceConfig = z.output<typeof financeConfigSchema>;

export function financeSettingsOf(config: FinanceConfig): FinanceSettings {
  if (config.LEGACY_BILLING_LEASE_MS <= config.LEGACY_BILLING_TIMEOUT_MS)
    throw new Error('LEGACY_BILLING_LEASE_MS must exceed LEGACY_BILLING_TIMEOUT_MS: a lease outlives the call it covers');
  return {
    subscriptions: { plans: config.SUBSCRIPTION_PLANS, periodMs: config.SUBSCRIPTION_PERIOD, renewalIntervalMs: config.SUBSCRIPTION_RENEWAL_INTERVAL_MS },
    legacyBilling: {
      baseUrl: config.LEGACY_BILLING_URL,
      timeoutMs: config.LEGACY_BILLING_TIMEOUT_MS,
      pollIntervalMs: config.LEGACY_BILLING_POLL_INTERVAL_MS,
      leaseMs: config.LEGACY_BILLING_LEASE_MS,
      retryInitialMs: config.LEGACY_BILLING_RETRY_INITIAL_MS,
      retryMaxMs: config.LEGACY_BILLING_RETRY_MAX_MS,
      confirmationCheckMs: config.LEGACY_BILLING_CONFIRMATION_CHECK_MS,
      batchSize: 50,
    },
  };
}
