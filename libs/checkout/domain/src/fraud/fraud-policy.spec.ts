import { money } from '@bazaar/shared-kernel';
import { FraudPolicy } from './fraud-policy';
import { ScreeningFacts } from './fraud-rules';
import { defaultFraudPolicySettings, FraudPolicySettings } from './fraud-settings';

const anOrdinaryOrder = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  total: money(3399, 'EUR'),
  shippingCountry: 'GB',
  recentOrdersByBuyer: 1,
  ...overrides,
});

const withSettings = (changes: Partial<FraudPolicySettings>) => new FraudPolicy({ ...defaultFraudPolicySettings, ...changes });

describe('Fraud screening with the default policy', () => {
  const policy = new FraudPolicy();

  it('given an ordinary order, when screened, then it passes with no reasons', () => {
    expect(policy.assess(anOrdinaryOrder())).toEqual({ score: 0, reasons: [], verdict: 'pass' });
  });

  it.each(['EUR', 'JPY'])('given a total of exactly 1,000,000 minor units in %s, when screened, then it goes to review', (currency) => {
    expect(policy.assess(anOrdinaryOrder({ total: money(1_000_000, currency) }))).toEqual({ score: 100, reasons: ['large_order'], verdict: 'review' });
  });

  it('given a total one minor unit below the threshold, when screened, then it passes', () => {
    expect(policy.assess(anOrdinaryOrder({ total: money(999_999, 'EUR') })).verdict).toBe('pass');
  });

  it('given a buyer past the velocity limit alone, when screened, then it scores but passes', () => {
    expect(policy.assess(anOrdinaryOrder({ recentOrdersByBuyer: 6 }))).toEqual({ score: 50, reasons: ['buyer_velocity'], verdict: 'pass' });
  });

  it('given a buyer exactly at the velocity limit, when screened, then the rule does not fire', () => {
    expect(policy.assess(anOrdinaryOrder({ recentOrdersByBuyer: 5 })).reasons).toEqual([]);
  });

  it('given no high-risk country configured, when screened, then no country counts', () => {
    expect(policy.assess(anOrdinaryOrder({ shippingCountry: 'XX' })).score).toBe(0);
  });

  it('counts the velocity window back from when the order was placed', () => {
    expect(policy.velocityWindowStart(new Date('2026-11-21T10:00:00.000Z'))).toEqual(new Date('2026-11-21T09:50:00.000Z'));
  });
});

describe('Fraud screening with configured rules', () => {
  const policy = withSettings({ highRiskCountries: { countries: ['XX', 'YY'], score: 50 } });

  it('given a high-risk country and a fast buyer, when screened, then both reasons add up to review', () => {
    expect(policy.assess(anOrdinaryOrder({ shippingCountry: 'XX', recentOrdersByBuyer: 9 }))).toEqual({
      score: 100,
      reasons: ['buyer_velocity', 'high_risk_country'],
      verdict: 'review',
    });
  });

  it('given every rule firing, when screened, then the score is their sum and every reason is named', () => {
    const assessment = policy.assess(anOrdinaryOrder({ total: money(2_000_000, 'USD'), shippingCountry: 'YY', recentOrdersByBuyer: 20 }));
    expect(assessment).toEqual({ score: 200, reasons: ['large_order', 'buyer_velocity', 'high_risk_country'], verdict: 'review' });
  });

  it('given a lower review threshold, when a high-risk country alone is screened, then it goes to review', () => {
    const strict = withSettings({ reviewThreshold: 50, highRiskCountries: { countries: ['XX'], score: 50 } });
    expect(strict.assess(anOrdinaryOrder({ shippingCountry: 'XX' })).verdict).toBe('review');
  });

  it('given a higher total threshold, when a 10,000.00 order is screened, then it passes', () => {
    const lenient = withSettings({ largeOrder: { minimumTotal: 5_000_000, score: 100 } });
    expect(lenient.assess(anOrdinaryOrder({ total: money(1_000_000, 'EUR') })).verdict).toBe('pass');
  });
});
