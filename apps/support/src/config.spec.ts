import { loadConfig } from '@bazaar/platform-service';
import { assertSharedPersonalDataKeys, supportConfigSchema, supportSettingsOf } from './config';

describe('Support configuration', () => {
  it('defaults to port 3004, its own database and consumer group, and the published topics themselves', () => {
    const config = loadConfig(supportConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3004,
      DATABASE_URL: 'postgres://bazaar_support@127.0.0.1:5432/bazaar_support',
      KAFKA_CONSUMER_GROUP: 'support',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_PARTITIONS_CONCURRENCY: 16,
      CONSUMER_SHARED_TRANSACTIONS: 1,
    });
  });

  it('serves in production only with the KEKs Checkout shares, and refuses a malformed one, naming it', () => {
    const sharing = `s1:${Buffer.alloc(32, 8).toString('base64')}`;
    expect(() => assertSharedPersonalDataKeys(loadConfig(supportConfigSchema, { NODE_ENV: 'production' }))).toThrow(/PERSONAL_DATA_SHARING_KEKS is required in production/);
    expect(() => assertSharedPersonalDataKeys(loadConfig(supportConfigSchema, { NODE_ENV: 'production', PERSONAL_DATA_SHARING_KEKS: sharing }))).not.toThrow();
    expect(() => assertSharedPersonalDataKeys(loadConfig(supportConfigSchema, {}))).not.toThrow();
    expect(() => loadConfig(supportConfigSchema, { PERSONAL_DATA_SHARING_KEKS: 's1:short' })).toThrow(/PERSONAL_DATA_SHARING_KEKS/);
  });

  it('unwraps the buyers’ keys with the configured sharing KEKs', () => {
    const checkoutSide = supportSettingsOf(loadConfig(supportConfigSchema, { PERSONAL_DATA_SHARING_KEKS: `s1:${Buffer.alloc(32, 8).toString('base64')}` })).personalDataSharingKeys;
    const { dataKey, wrapped } = checkoutSide.newDataKey('buyer-1');
    const support = supportSettingsOf(loadConfig(supportConfigSchema, { PERSONAL_DATA_SHARING_KEKS: `s1:${Buffer.alloc(32, 8).toString('base64')}` })).personalDataSharingKeys;

    expect(support.unwrap(wrapped, 'buyer-1')).toEqual(dataKey);
  });
});
