/**
 * The fraud policy's knobs. Every rule adds its score when it fires; a total at or above
 * `reviewThreshold` sends the order to a risk analyst. Amounts are minor units in the order's
 * own currency (10,000.00 or more goes to review by default).
 */
export interface FraudPolicySettings {
  readonly reviewThreshold: number;
  readonly largeOrder: { readonly minimumTotal: number; readonly score: number };
  /** More than `maxOrders` orders from one buyer within `windowMs`, this one included. */
  readonly buyerVelocity: { readonly maxOrders: number; readonly windowMs: number; readonly score: number };
  /** ISO 3166-1 alpha-2 codes of shipping countries treated as high risk. */
  readonly highRiskCountries: { readonly countries: readonly string[]; readonly score: number };
}

/**
 * A large order alone is enough for review; velocity and a high-risk country each count half, so
 * either needs another signal. No country is high risk until configured.
 */
export const defaultFraudPolicySettings: FraudPolicySettings = {
  reviewThreshold: 100,
  largeOrder: { minimumTotal: 1_000_000, score: 100 },
  buyerVelocity: { maxOrders: 5, windowMs: 10 * 60_000, score: 50 },
  highRiskCountries: { countries: [], score: 50 },
};
