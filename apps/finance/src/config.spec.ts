import { loadConfig } from '@bazaar/platform-service';
import { financeConfigSchema } from './config';

describe('Finance configuration', () => {
  it('defaults to port 3003, its own database and consumer group, and Checkout\'s orders topic', () => {
    const config = loadConfig(financeConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3003,
      DATABASE_URL: 'postgres://bazaar_finance@127.0.0.1:5432/bazaar_finance',
      KAFKA_CONSUMER_GROUP: 'finance',
      CHECKOUT_ORDERS_TOPIC: 'checkout.orders',
    });
  });

  it('takes the orders topic from the environment, so tests can use their own copy', () => {
    expect(loadConfig(financeConfigSchema, { CHECKOUT_ORDERS_TOPIC: 'checkout.orders.test' }).CHECKOUT_ORDERS_TOPIC).toBe('checkout.orders.test');
  });

  it('refuses an empty orders topic', () => {
    expect(() => loadConfig(financeConfigSchema, { CHECKOUT_ORDERS_TOPIC: '' })).toThrow(/CHECKOUT_ORDERS_TOPIC/);
  });
});
