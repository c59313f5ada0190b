import { buyerVelocity, FraudReason, FraudRule, highRiskCountry, largeOrder, ScreeningFacts } from './fraud-rules';
import { defaultFraudPolicySettings, FraudPolicySettings } from './fraud-settings';

/** Screening's verdict: the summed score, the rules that fired, and whether a person must look. */
export interface FraudAssessment {
  readonly score: number;
  readonly reasons: readonly FraudReason[];
  readonly verdict: 'pass' | 'review';
}

/** Fraud screening as a policy: small named rules, summed, compared with the review threshold. Pure. */
export class FraudPolicy {
  private readonly rules: readonly FraudRule[];

  constructor(private readonly settings: FraudPolicySettings = defaultFraudPolicySettings) {
    this.rules = [largeOrder(settings), buyerVelocity(settings), highRiskCountry(settings)];
  }

  /** Where the velocity window starts for an order placed at `placedAt`: count the buyer's orders since then. */
  velocityWindowStart(placedAt: Date): Date {
    return new Date(placedAt.getTime() - this.settings.buyerVelocity.windowMs);
  }

  assess(facts: ScreeningFacts): FraudAssessment {
    const signals = this.rules.map((rule) => rule(facts)).filter((signal) => signal !== undefined);
    const score = signals.reduce((sum, signal) => sum + signal.score, 0);
    return { score, reasons: signals.map((signal) => signal.reason), verdict: score >= this.settings.reviewThreshold ? 'review' : 'pass' };
  }
}
