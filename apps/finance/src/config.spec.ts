import { loadConfig } from '@bazaar/platform-service';
import { financeConfigSchema, financeSettingsOf } from './config';

describe('Finance configuration', () => {
  it('defaults to port 3003, its own database and consumer group, and the published topics themselves', () => {
    const config = loadConfig(financeConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3003,
      DATABASE_URL: 'postgres://bazaar_finance@127.0.0.1:5432/bazaar_finance',
      KAFKA_CONSUMER_GROUP: 'finance',
      KAFKA_TOPIC_PREFIX: '',
    });
  });
});

describe('Finance subscription settings', () => {
  it('defaults to three plans, a 30-day period and the legacy billing system on port 3005', () => {
    const settings = financeSettingsOf(loadConfig(financeConfigSchema, {}));

    expect(settings.subscriptions.plans.map((plan) => plan.code)).toEqual(['basic', 'standard', 'premium']);
    expect(settings.subscriptions.periodMs).toBe(30 * 24 * 3600_000);
    expect(settings.legacyBilling.baseUrl).toBe('http://127.0.0.1:3005');
  });

  it('reads the period as an ISO duration or seconds, and plans as code:minor units:currency', () => {
    const config = (env: Record<string, string>) => financeSettingsOf(loadConfig(financeConfigSchema, env));

    expect(config({ SUBSCRIPTION_PERIOD: 'PT20S' }).subscriptions.periodMs).toBe(20_000);
    expect(config({ SUBSCRIPTION_PERIOD: 'P1DT1H' }).subscriptions.periodMs).toBe(25 * 3600_000);
    expect(config({ SUBSCRIPTION_PERIOD: '45' }).subscriptions.periodMs).toBe(45_000);
    expect(config({ SUBSCRIPTION_PLANS: 'pro:4900:GBP' }).subscriptions.plans).toEqual([{ code: 'pro', price: { amount: 4900, currency: 'GBP' } }]);
  });

  it('refuses a period that is not a duration and a plan without its price', () => {
    expect(() => loadConfig(financeConfigSchema, { SUBSCRIPTION_PERIOD: 'P1M' })).toThrow();
    expect(() => loadConfig(financeConfigSchema, { SUBSCRIPTION_PERIOD: 'PT0S' })).toThrow();
    expect(() => loadConfig(financeConfigSchema, { SUBSCRIPTION_PLANS: 'pro:49.00:GBP' })).toThrow();
  });
});
