import { loadConfig } from '@bazaar/platform-service';
import { checkoutConfigSchema } from './config';

describe('Checkout configuration', () => {
  it('defaults to port 3001 and its own database, role and consumer group', () => {
    const config = loadConfig(checkoutConfigSchema, {});

    expect(config.PORT).toBe(3001);
    expect(config.DATABASE_URL).toBe('postgres://bazaar_checkout@127.0.0.1:5432/bazaar_checkout');
    expect(config.KAFKA_CONSUMER_GROUP).toBe('checkout');
  });

  it('refuses to start on an invalid setting, naming it', () => {
    expect(() => loadConfig(checkoutConfigSchema, { PORT: 'eighty' })).toThrow(/PORT/);
  });
});
