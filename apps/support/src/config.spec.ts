import { loadConfig } from '@bazaar/platform-service';
import { consumedTopics, supportConfigSchema } from './config';

describe('Support configuration', () => {
  it('serves on 3004 and consumes the published topics by default', () => {
    const config = loadConfig(supportConfigSchema, {});

    expect(config.PORT).toBe(3004);
    expect(config.KAFKA_CONSUMER_GROUP).toBe('support');
    expect(consumedTopics(config)).toEqual(['checkout.orders', 'fulfillment.shipments', 'finance.ledgers']);
  });

  it('lets every consumed topic be overridden, so tests can read their own suffixed topics', () => {
    const config = loadConfig(supportConfigSchema, {
      CHECKOUT_ORDERS_TOPIC: 'checkout.orders.t1',
      FULFILLMENT_SHIPMENTS_TOPIC: 'fulfillment.shipments.t1',
      FINANCE_LEDGERS_TOPIC: 'finance.ledgers.t1',
    });

    expect(consumedTopics(config)).toEqual(['checkout.orders.t1', 'fulfillment.shipments.t1', 'finance.ledgers.t1']);
  });
});
