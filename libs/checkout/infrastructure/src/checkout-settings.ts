import { defaultFraudPolicySettings, defaultOrderProcessSettings, FraudPolicySettings, OrderProcessSettings } from '@bazaar/checkout-domain';
import { CarryOutLimits, DEFAULT_CARRY_OUT_LIMITS } from '@bazaar/checkout-application';
import { ephemeralKeyRing, KeyRing, processSharingKeyRing } from '@bazaar/platform-service';
import { SandboxOptions } from './payment/sandbox-payment-gateway';

/** Checkout's own settings, beyond the platform's; the app reads them from its environment (apps/checkout/src/config.ts). */
export interface CheckoutSettings {
  readonly fraud: FraudPolicySettings;
  readonly process: OrderProcessSettings;
  readonly sandbox: Omit<SandboxOptions, 'random'>;
  readonly idempotency: {
    /** How long an Idempotency-Key names its request; after it the key is free again and its row purged. */
    readonly ttlSeconds: number;
    readonly purgeIntervalMs: number;
  };
  /** The key-encryption keys that wrap buyers' data keys (PERSONAL_DATA_KEKS). */
  readonly personalDataKeys: KeyRing;
  /** The key-encryption keys that wrap buyers' data keys published on `checkout.buyer-keys` for Support (PERSONAL_DATA_SHARING_KEKS). */
  readonly personalDataSharingKeys: KeyRing;
  readonly worker: {
    /** How often the process worker sweeps for expired deadlines and due commands. */
    readonly sweepIntervalMs: number;
    /** The lease a sweep takes on the processes it carries out, should it die midway. */
    readonly claimMs: number;
    /** Processes carried out alongside (after placing an order, after Fulfillment's news): so many at once, so many waiting; beyond, the sweep carries them out. */
    readonly carryOut: CarryOutLimits;
  };
}

export const defaultCheckoutSettings: CheckoutSettings = {
  fraud: defaultFraudPolicySettings,
  process: defaultOrderProcessSettings,
  sandbox: { latencyMs: 0, failureRate: 0 },
  idempotency: { ttlSeconds: 24 * 3_600, purgeIntervalMs: 10 * 60_000 },
  worker: { sweepIntervalMs: 1_000, claimMs: 30_000, carryOut: DEFAULT_CARRY_OUT_LIMITS },
  /** One random KEK for this process: enough for tests, never for a deployment. */
  personalDataKeys: ephemeralKeyRing(),
  /** The process's random sharing KEK: a Support started in the same process (a test) opens what this Checkout publishes. */
  personalDataSharingKeys: processSharingKeyRing(),
};
