import { defaultCheckoutSettings } from '@bazaar/checkout-infrastructure';
import { loadConfig } from '@bazaar/platform-service';
import { assertPersonalDataKeys, checkoutConfigSchema, checkoutSettingsOf } from './config';

describe('Checkout configuration', () => {
  it('defaults to port 3001 and its own database, role and consumer group', () => {
    const config = loadConfig(checkoutConfigSchema, {});

    expect(config.PORT).toBe(3001);
    expect(config.DATABASE_URL).toBe('postgres://bazaar_checkout@127.0.0.1:5432/bazaar_checkout');
    expect(config.KAFKA_CONSUMER_GROUP).toBe('checkout');
    // Its consumer of Fulfillment's answers is not set-based: each partition in hand keeps a transaction of its own.
    expect(config.CONSUMER_SHARED_TRANSACTIONS).toBe(config.KAFKA_PARTITIONS_CONCURRENCY);
  });

  it('serves in production only with configured key-encryption keys, the same for every replica', () => {
    const kek = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
    const sharing = `s1:${Buffer.alloc(32, 8).toString('base64')}`;
    expect(() => assertPersonalDataKeys(loadConfig(checkoutConfigSchema, { NODE_ENV: 'production' }))).toThrow(/PERSONAL_DATA_KEKS is required in production/);
    expect(() => assertPersonalDataKeys(loadConfig(checkoutConfigSchema, { NODE_ENV: 'production', PERSONAL_DATA_KEKS: kek }))).toThrow(
      /PERSONAL_DATA_SHARING_KEKS is required in production/,
    );
    expect(() => assertPersonalDataKeys(loadConfig(checkoutConfigSchema, { NODE_ENV: 'production', PERSONAL_DATA_KEKS: kek, PERSONAL_DATA_SHARING_KEKS: sharing }))).not.toThrow();
    expect(() => assertPersonalDataKeys(loadConfig(checkoutConfigSchema, { NODE_ENV: 'test' }))).not.toThrow();
  });

  it('refuses to start on an invalid setting, naming it', () => {
    expect(() => loadConfig(checkoutConfigSchema, { PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig(checkoutConfigSchema, { PAYMENT_SANDBOX_FAILURE_RATE: '1.5' })).toThrow(/PAYMENT_SANDBOX_FAILURE_RATE/);
    expect(() => loadConfig(checkoutConfigSchema, { ORDER_PROCESS_CARRY_OUT_CONCURRENCY: '0' })).toThrow(/ORDER_PROCESS_CARRY_OUT_CONCURRENCY/);
    expect(() => loadConfig(checkoutConfigSchema, { ORDER_PROCESS_CARRY_OUT_WAITING: '-1' })).toThrow(/ORDER_PROCESS_CARRY_OUT_WAITING/);
    expect(() => loadConfig(checkoutConfigSchema, { FRAUD_HIGH_RISK_COUNTRIES: 'XX,narnia' })).toThrow(/FRAUD_HIGH_RISK_COUNTRIES/);
    expect(() => loadConfig(checkoutConfigSchema, { PERSONAL_DATA_KEKS: `k1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/16 bytes, not 32[\s\S]*PERSONAL_DATA_KEKS/);
    expect(() => loadConfig(checkoutConfigSchema, { PERSONAL_DATA_KEKS: 'no-colon' })).toThrow(/PERSONAL_DATA_KEKS/);
    expect(() => loadConfig(checkoutConfigSchema, { PERSONAL_DATA_SHARING_KEKS: `s1:${Buffer.alloc(16).toString('base64')}` })).toThrow(/PERSONAL_DATA_SHARING_KEKS/);
  });

  it.each([
    ['a code that is no currency', 'EUR=10000,XAU=5', /XAU/],
    ['more decimals than the currency has', 'JPY=10.5', /0 decimal places/],
    ['a malformed amount', 'EUR=lots', /not an amount/],
    ['a currency listed twice', 'EUR=1,EUR=2', /twice/],
    ['no currency at all', ' , ', /at least one currency/],
  ])('refuses fraud review thresholds with %s', (_, value, why) => {
    expect(() => loadConfig(checkoutConfigSchema, { FRAUD_REVIEW_THRESHOLDS: value })).toThrow(why);
  });

  it('defaults to the settings of the model: review from 10,000.00, a 15-minute reservation timeout, a deterministic sandbox', () => {
    expect(checkoutSettingsOf(loadConfig(checkoutConfigSchema, {}))).toEqual(defaultCheckoutSettings);
  });

  it('wraps new buyers’ data keys with the newest configured KEK and opens those of the older ones', () => {
    const kek = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    const older = checkoutSettingsOf(loadConfig(checkoutConfigSchema, { PERSONAL_DATA_KEKS: `k1:${kek(1)}` })).personalDataKeys;
    const rotated = checkoutSettingsOf(loadConfig(checkoutConfigSchema, { PERSONAL_DATA_KEKS: `k1:${kek(1)}, k2:${kek(2)}` })).personalDataKeys;

    const { dataKey, wrapped } = older.newDataKey('buyer-1');

    expect(rotated.currentId).toBe('k2');
    expect(rotated.unwrap(wrapped, 'buyer-1')).toEqual(dataKey);
  });

  it('reads the fraud policy, the process timings and the sandbox from the environment', () => {
    const settings = checkoutSettingsOf(
      loadConfig(checkoutConfigSchema, {
        FRAUD_REVIEW_THRESHOLDS: 'EUR=500, JPY=80000, KWD=250.125',
        FRAUD_VELOCITY_MAX_ORDERS: '3',
        FRAUD_VELOCITY_WINDOW_MS: '60000',
        FRAUD_HIGH_RISK_COUNTRIES: 'XX, YY',
        ORDER_RESERVATION_TIMEOUT_MS: '2000',
        ORDER_PROCESS_SWEEP_INTERVAL_MS: '250',
        ORDER_PROCESS_CARRY_OUT_CONCURRENCY: '4',
        ORDER_PROCESS_CARRY_OUT_WAITING: '0',
        PAYMENT_SANDBOX_LATENCY_MS: '40',
        PAYMENT_SANDBOX_FAILURE_RATE: '0.1',
      }),
    );

    expect(settings.fraud).toMatchObject({
      largeOrder: { minimumTotals: { EUR: 50_000, JPY: 80_000, KWD: 250_125 } },
      buyerVelocity: { maxOrders: 3, windowMs: 60_000 },
      highRiskCountries: { countries: ['XX', 'YY'] },
    });
    expect(settings.process.reservationTimeoutMs).toBe(2_000);
    expect(settings.worker.sweepIntervalMs).toBe(250);
    expect(settings.worker.carryOut).toEqual({ concurrency: 4, waiting: 0 });
    expect(settings.sandbox).toEqual({ latencyMs: 40, failureRate: 0.1 });
  });
});
