import { databaseTls, kafkaSecurity, loadConfig, prefixedTopic, serviceConfigSchema } from './config';

const schema = serviceConfigSchema({ name: 'fulfillment', port: 3002 });

describe('service configuration', () => {
  it('works on a developer machine with no environment at all', () => {
    const config = loadConfig(schema, {});
    expect(config).toMatchObject({
      PORT: 3002,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://bazaar_fulfillment@127.0.0.1:5432/bazaar_fulfillment',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CONSUMER_GROUP: 'fulfillment',
      MIGRATE_ON_START: true,
    });
    expect(kafkaSecurity(config)).toEqual({});
  });

  it('reads and converts what the environment sets', () => {
    const config = loadConfig(schema, { PORT: '8080', KAFKA_BROKERS: 'k1:9092, k2:9092', MIGRATE_ON_START: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
    expect(config.MIGRATE_ON_START).toBe(false);
  });

  it('trusts the local issuer by default and accepts only asymmetric signature algorithms', () => {
    expect(loadConfig(schema, {})).toMatchObject({ AUTH_ISSUER: 'http://127.0.0.1:3009', AUTH_AUDIENCE: 'bazaar', AUTH_ROLES_CLAIM: 'roles', AUTH_ALGORITHMS: ['RS256', 'ES256'] });
    expect(loadConfig(schema, { AUTH_ALGORITHMS: 'PS256, EdDSA' }).AUTH_ALGORITHMS).toEqual(['PS256', 'EdDSA']);
    expect(() => loadConfig(schema, { AUTH_ALGORITHMS: 'none' })).toThrow(/AUTH_ALGORITHMS/);
    expect(() => loadConfig(schema, { AUTH_ALGORITHMS: 'HS256' })).toThrow(/AUTH_ALGORITHMS/);
    expect(() => loadConfig(schema, { AUTH_ISSUER: 'not a url' })).toThrow(/AUTH_ISSUER/);
  });

  it('fails fast, naming every invalid setting', () => {
    expect(() => loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('needs a user and a password with a SASL mechanism', () => {
    const halfSet = loadConfig(schema, { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'fulfillment' });
    expect(() => kafkaSecurity(halfSet)).toThrow(/KAFKA_SASL_PASSWORD/);
    const complete = loadConfig(schema, {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'fulfillment',
      KAFKA_SASL_PASSWORD: 'from-a-secret',
      KAFKA_SSL_CA_FILE: '/etc/kafka/ca.crt',
    });
    expect(kafkaSecurity(complete)).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'fulfillment', password: 'from-a-secret' },
      caFile: '/etc/kafka/ca.crt',
    });
  });

  it('refuses SASL without TLS: credentials and messages never travel in clear', () => {
    const plain = loadConfig(schema, { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'fulfillment', KAFKA_SASL_PASSWORD: 'from-a-secret' });
    expect(() => kafkaSecurity(plain)).toThrow(/KAFKA_SASL_MECHANISM needs TLS: set KAFKA_SSL_CA_FILE/);
  });

  it('reads the TLS mode to PostgreSQL, refusing a verifying mode without a CA file', () => {
    expect(databaseTls(loadConfig(schema, {}))).toEqual({ mode: 'disable' });
    expect(databaseTls(loadConfig(schema, { DATABASE_SSL_MODE: 'require' }))).toEqual({ mode: 'require' });
    expect(databaseTls(loadConfig(schema, { DATABASE_SSL_MODE: 'verify-full', DATABASE_SSL_CA_FILE: '/etc/pg/ca.crt' }))).toEqual({
      mode: 'verify-full',
      caFile: '/etc/pg/ca.crt',
    });
    expect(() => databaseTls(loadConfig(schema, { DATABASE_SSL_MODE: 'verify-ca' }))).toThrow(/verify-ca needs DATABASE_SSL_CA_FILE/);
    expect(() => loadConfig(schema, { DATABASE_SSL_MODE: 'prefer' })).toThrow(/DATABASE_SSL_MODE/);
  });

  it('names topics under KAFKA_TOPIC_PREFIX, which isolates environments sharing one cluster', () => {
    expect(prefixedTopic(loadConfig(schema, {}), 'checkout.orders')).toBe('checkout.orders');
    expect(prefixedTopic(loadConfig(schema, { KAFKA_TOPIC_PREFIX: 'test_1.' }), 'checkout.orders')).toBe('test_1.checkout.orders');
  });
});
