import { Plan } from '@bazaar/finance-domain';

/** Finance's own settings, from its validated configuration (the app's config schema). */
export abstract class FinanceSettings {
  abstract readonly subscriptions: {
    readonly plans: readonly Plan[];
    /** The length of every subscription period (30 days in production; seconds in tests). */
    readonly periodMs: number;
    /** How often each replica looks for subscriptions whose period has ended. */
    readonly renewalIntervalMs: number;
  };
  abstract readonly legacyBilling: {
    readonly baseUrl: string;
    readonly timeoutMs: number;
    readonly pollIntervalMs: number;
    readonly leaseMs: number;
    readonly retryInitialMs: number;
    readonly retryMaxMs: number;
    readonly confirmationCheckMs: number;
    readonly batchSize: number;
  };
}

export const defaultFinanceSettings: FinanceSettings = {
  subscriptions: {
    plans: [
      { code: 'basic', price: { amount: 900, currency: 'EUR' } },
      { code: 'standard', price: { amount: 2900, currency: 'EUR' } },
      { code: 'premium', price: { amount: 9900, currency: 'EUR' } },
    ],
    periodMs: 30 * 24 * 3600_000,
    renewalIntervalMs: 5_000,
  },
  legacyBilling: {
    baseUrl: 'http://127.0.0.1:3005',
    timeoutMs: 5_000,
    pollIntervalMs: 1_000,
    leaseMs: 30_000,
    retryInitialMs: 10_000,
    retryMaxMs: 300_000,
    confirmationCheckMs: 60_000,
    batchSize: 50,
  },
};
