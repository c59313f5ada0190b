import { DEFAULT_CARRY_OUT_LIMITS } from '@bazaar/checkout-application';
import type { CheckoutSettings } from '@bazaar/checkout-infrastructure';
import { keyRingOf, personalDataKeksSetting, personalDataSharingKeksSetting, serviceConfigSchema, sharingKeyRingOf } from '@bazaar/platform-service';
import { minorUnitsOf } from '@bazaar/shared-kernel';
import { z } from 'zod';

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const countries = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((country) => country.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 codes, comma-separated')));

/**
 * `EUR=10000,JPY=1500000,KWD=3000.500`: per ISO 4217 currency, the order total in major units from
 * which an order goes to review, read into minor units by the currency's exponent (no more decimals
 * than it has). The currencies listed are the only ones Checkout takes orders in.
 */
const largeOrderTotals = z
  .string()
  .default('EUR=10000,USD=10000,GBP=10000,CHF=10000,JPY=1500000')
  .transform((value, context) => {
    const totals: Record<string, number> = {};
    for (const entry of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [currency = '', amount = ''] = entry.split('=').map((part) => part.trim());
      try {
        if (Object.hasOwn(totals, currency)) throw new RangeError(`${currency} is listed twice`);
        totals[currency] = minorUnitsOf(amount, currency);
      } catch (error) {
        context.addIssue({ code: 'custom', message: `${entry}: ${error instanceof Error ? error.message : String(error)}` });
        return z.NEVER;
      }
    }
    if (Object.keys(totals).length === 0) context.addIssue({ code: 'custom', message: 'at least one currency, e.g. EUR=10000' });
    return totals;
  });

/**
 * Checkout's settings: the platform's, the fraud policy's, the order process's and the sandbox
 * gateway's. Its partitions keep a shared transaction each (`CONSUMER_SHARED_TRANSACTIONS` 3, as
 * many as it takes partitions at once) instead of queuing for one: chosen when its consumer of
 * Fulfillment's answers did a few statements per message. That consumer is set-based since (a
 * fixed 8 statements per transaction), and 3 still wins: with 1, *confirmed* p99 at 100 orders/s
 * was 5.0 s against 3.0 s in back-to-back quick runs (docs/benchmark.md, session 8).
 */
export const checkoutConfigSchema = serviceConfigSchema({ name: 'checkout', port: 3001, sharedTransactions: 3 }).extend({
  /** Orders totalling this much or more, in their own currency, go to manual review; other currencies are refused (docs/checkout-aggregates.md). */
  FRAUD_REVIEW_THRESHOLDS: largeOrderTotals,
  /** More orders than this from one buyer within the window count towards review. */
  FRAUD_VELOCITY_MAX_ORDERS: z.coerce.number().int().min(1).default(5),
  FRAUD_VELOCITY_WINDOW_MS: ms(10 * 60_000),
  /** Shipping countries that count towards review, e.g. `XX,YY`; none by default. */
  FRAUD_HIGH_RISK_COUNTRIES: countries,
  /** How long Fulfillment has to reserve stock for a paid order before it is cancelled and voided. Long by default. */
  ORDER_RESERVATION_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60_000),
  ORDER_AUTHORIZATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  ORDER_GATEWAY_BACKOFF_INITIAL_MS: z.coerce.number().int().min(1).default(1_000),
  ORDER_GATEWAY_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(60_000),
  ORDER_PROCESS_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
  ORDER_PROCESS_CLAIM_MS: z.coerce.number().int().min(1_000).default(30_000),
  /**
   * Order processes carried out alongside (the authorization right after an order is placed, the
   * void after Fulfillment's out-of-stock): so many at once, so many more waiting in memory for a
   * slot; beyond, they stay due and the process worker's next sweep carries them out. So a burst
   * neither crowds the event loop and the pool nor grows without bound.
   */
  ORDER_PROCESS_CARRY_OUT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(DEFAULT_CARRY_OUT_LIMITS.concurrency),
  ORDER_PROCESS_CARRY_OUT_WAITING: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_CARRY_OUT_LIMITS.waiting),
  /** How long an Idempotency-Key names its request (24 h); expired keys are purged on an interval. */
  IDEMPOTENCY_KEY_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .default(24 * 3_600),
  IDEMPOTENCY_KEY_PURGE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(10 * 60_000),
  PAYMENT_SANDBOX_LATENCY_MS: ms(0),
  /** Share (0..1) of sandbox calls that fail as transient; 0 is deterministic. */
  PAYMENT_SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /**
   * Key-encryption keys for buyers' data keys, `id:base64key,…` oldest first. Required in
   * production (every replica must open what another sealed, and a restart what was sealed before);
   * elsewhere, unset, one random key for this process only (tests).
   */
  PERSONAL_DATA_KEKS: personalDataKeksSetting,
  /**
   * Key-encryption keys Checkout shares with Support, `id:base64key,…` oldest first: they wrap each
   * buyer's data key on `checkout.buyer-keys`. Required in production; elsewhere, unset, one random
   * key for this process only.
   */
  PERSONAL_DATA_SHARING_KEKS: personalDataSharingKeksSetting,
  NODE_ENV: z.string().optional(),
});

export type CheckoutConfig = z.output<typeof checkoutConfigSchema>;

/**
 * Serving in production needs configured key-encryption keys: every replica must open what another
 * sealed, a restarted one what was sealed before, and Support what Checkout published. (Migrating
 * touches no personal data.)
 */
export function assertPersonalDataKeys(config: CheckoutConfig): void {
  if (config.NODE_ENV !== 'production') return;
  if (!config.PERSONAL_DATA_KEKS?.trim()) {
    throw new Error('PERSONAL_DATA_KEKS is required in production: id:base64key (32 random bytes), the same for every replica (docs/data-protection.md)');
  }
  if (!config.PERSONAL_DATA_SHARING_KEKS?.trim()) {
    throw new Error('PERSONAL_DATA_SHARING_KEKS is required in production: id:base64key (32 random bytes), the same for Checkout and Support (docs/data-protection.md)');
  }
}

/** The validated environment as Checkout's settings; the defaults are those of the domain's policies. */
export function checkoutSettingsOf(config: CheckoutConfig): CheckoutSettings {
  return {
    fraud: {
      reviewThreshold: 100,
      largeOrder: { minimumTotals: config.FRAUD_REVIEW_THRESHOLDS, score: 100 },
      buyerVelocity: { maxOrders: config.FRAUD_VELOCITY_MAX_ORDERS, windowMs: config.FRAUD_VELOCITY_WINDOW_MS, score: 50 },
      highRiskCountries: { countries: config.FRAUD_HIGH_RISK_COUNTRIES, score: 50 },
    },
    process: {
      reservationTimeoutMs: config.ORDER_RESERVATION_TIMEOUT_MS,
      maxAuthorizationAttempts: config.ORDER_AUTHORIZATION_MAX_ATTEMPTS,
      backoff: { initialMs: config.ORDER_GATEWAY_BACKOFF_INITIAL_MS, maxMs: config.ORDER_GATEWAY_BACKOFF_MAX_MS },
    },
    sandbox: { latencyMs: config.PAYMENT_SANDBOX_LATENCY_MS, failureRate: config.PAYMENT_SANDBOX_FAILURE_RATE },
    idempotency: { ttlSeconds: config.IDEMPOTENCY_KEY_TTL_S, purgeIntervalMs: config.IDEMPOTENCY_KEY_PURGE_INTERVAL_MS },
    worker: {
      sweepIntervalMs: config.ORDER_PROCESS_SWEEP_INTERVAL_MS,
      claimMs: config.ORDER_PROCESS_CLAIM_MS,
      carryOut: { concurrency: config.ORDER_PROCESS_CARRY_OUT_CONCURRENCY, waiting: config.ORDER_PROCESS_CARRY_OUT_WAITING },
    },
    personalDataKeys: keyRingOf(config.PERSONAL_DATA_KEKS),
    personalDataSharingKeys: sharingKeyRingOf(config.PERSONAL_DATA_SHARING_KEKS),
  };
}
