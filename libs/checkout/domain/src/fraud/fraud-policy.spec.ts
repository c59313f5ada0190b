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

  it.each([
    ['EUR', 1_000_000],
    ['USD', 1_000_000],
    ['GBP', 1_000_000],
    ['JPY', 1_500_000],
  ])('given a total of exactly the %s threshold (%i minor units), when screened, then it goes to review', (currency, threshold) => {
    expect(policy.assess(anOrdinaryOrder({ total: money(threshold, currency) }))).toEqual({ score: 100, reasons: ['large_order'], verdict: 'review' });
  });

  it.each([
    ['EUR', 999_999],
    ['JPY', 1_499_999],
  ])('given a total one minor unit below the %s threshold, when screened, then it passes', (currency, amount) => {
    expect(policy.assess(anOrdinaryOrder({ total: money(amount, currency) })).verdict).toBe('pass');
  });

  it('judges each currency by its own threshold: ¥1,000,000 is not a large order, €10,000.00 is', () => {
    expect(policy.assess(anOrdinaryOrder({ total: money(1_000_000, 'JPY') })).verdict).toBe('pass');
    expect(policy.assess(anOrdinaryOrder({ total: money(1_000_000, 'EUR') })).verdict).toBe('review');
  });

  it('given a currency with no threshold configured, when screened, then even a tiny order goes to review', () => {
    expect(policy.assess(anOrdinaryOrder({ total: money(1, 'SEK') }))).toEqual({ score: 100, reasons: ['large_order'], verdict: 'review' });
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
    const lenient = withSettings({ largeOrder: { minimumTotals: { EUR: 5_000_000 }, score: 100 } });
    expect(lenient.assess(anOrdinaryOrder({ total: money(1_000_000, 'EUR') })).verdict).toBe('pass');
  });
});
