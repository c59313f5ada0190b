import { loadConfig } from '@bazaar/platform-service';
import { fulfillmentConfigSchema } from './config';

describe('Fulfillment configuration', () => {
  it('defaults to port 3002, its own database and consumer group, and Checkout\'s orders topic', () => {
    const config = loadConfig(fulfillmentConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3002,
      DATABASE_URL: 'postgres://bazaar_fulfillment@127.0.0.1:5432/bazaar_fulfillment',
      KAFKA_CONSUMER_GROUP: 'fulfillment',
      CHECKOUT_ORDERS_TOPIC: 'checkout.orders',
    });
  });

  it('takes the orders topic from the environment, so tests can use their own copy', () => {
    expect(loadConfig(fulfillmentConfigSchema, { CHECKOUT_ORDERS_TOPIC: 'checkout.orders.test' }).CHECKOUT_ORDERS_TOPIC).toBe('checkout.orders.test');
  });

  it('refuses an empty orders topic', () => {
    expect(() => loadConfig(fulfillmentConfigSchema, { CHECKOUT_ORDERS_TOPIC: '' })).toThrow(/CHECKOUT_ORDERS_TOPIC/);
  });
});
