import { Money } from '@bazaar/shared-kernel';
import { FraudPolicySettings } from './fraud-settings';

/** What screening knows about an order. The velocity count is gathered by the caller: the domain does no I/O. */
export interface ScreeningFacts {
  readonly total: Money;
  readonly shippingCountry: string;
  /** Orders the buyer placed within the velocity window, this one included. */
  readonly recentOrdersByBuyer: number;
}

export const fraudReasons = ['large_order', 'buyer_velocity', 'high_risk_country'] as const;

export type FraudReason = (typeof fraudReasons)[number];

/** A rule that fired: why, and how much it weighs. */
export interface FraudSignal {
  readonly reason: FraudReason;
  readonly score: number;
}

/** One named rule: it fires (a signal) or it does not (undefined). */
export type FraudRule = (facts: ScreeningFacts) => FraudSignal | undefined;

/** At or above its currency's threshold; a currency with none always counts (nothing slips under). */
export const largeOrder =
  ({ largeOrder: rule }: FraudPolicySettings): FraudRule =>
  ({ total }) => {
    const minimum = Object.hasOwn(rule.minimumTotals, total.currency) ? rule.minimumTotals[total.currency] : undefined;
    return minimum === undefined || total.amount >= minimum ? { reason: 'large_order', score: rule.score } : undefined;
  };

export const buyerVelocity =
  ({ buyerVelocity: rule }: FraudPolicySettings): FraudRule =>
  ({ recentOrdersByBuyer }) =>
    recentOrdersByBuyer > rule.maxOrders ? { reason: 'buyer_velocity', score: rule.score } : undefined;

export const highRiskCountry =
  ({ highRiskCountries: rule }: FraudPolicySettings): FraudRule =>
  ({ shippingCountry }) =>
    rule.countries.includes(shippingCountry) ? { reason: 'high_risk_country', score: rule.score } : undefined;
