/**
 * The fraud policy's knobs. Every rule adds its score when it fires; a total at or above
 * `reviewThreshold` sends the order to a risk analyst. A large order is judged in its own
 * currency: `minimumTotals` holds, per ISO 4217 code, the total in minor units from which an order
 * counts as large. A currency without one is not taken at checkout (`AcceptedCurrencies`), and
 * should an order in one reach screening all the same, it counts as large: no currency slips under.
 */
export interface FraudPolicySettings {
  readonly reviewThreshold: number;
  readonly largeOrder: { readonly minimumTotals: Readonly<Record<string, number>>; readonly score: number };
  /** More than `maxOrders` orders from one buyer within `windowMs`, this one included. */
  readonly buyerVelocity: { readonly maxOrders: number; readonly windowMs: number; readonly score: number };
  /** ISO 3166-1 alpha-2 codes of shipping countries treated as high risk. */
  readonly highRiskCountries: { readonly countries: readonly string[]; readonly score: number };
}

/** 10,000.00 in the major currencies and about as much in yen (¥1,500,000; JPY has no minor unit). */
export const defaultLargeOrderTotals: Readonly<Record<string, number>> = {
  EUR: 1_000_000,
  USD: 1_000_000,
  GBP: 1_000_000,
  CHF: 1_000_000,
  JPY: 1_500_000,
};

/**
 * A large order alone is enough for review; velocity and a high-risk country each count half, so
 * either needs another signal. No country is high risk until configured.
 */
export const defaultFraudPolicySettings: FraudPolicySettings = {
  reviewThreshold: 100,
  largeOrder: { minimumTotals: defaultLargeOrderTotals, score: 100 },
  buyerVelocity: { maxOrders: 5, windowMs: 10 * 60_000, score: 50 },
  highRiskCountries: { countries: [], score: 50 },
};
