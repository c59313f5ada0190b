import { loadConfig } from '@bazaar/platform-service';
import { fulfillmentConfigSchema } from './config';

describe('Fulfillment configuration', () => {
  it('defaults to port 3002, its own database and consumer group, and the published topics themselves', () => {
    const config = loadConfig(fulfillmentConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3002,
      DATABASE_URL: 'postgres://bazaar_fulfillment@127.0.0.1:5432/bazaar_fulfillment',
      KAFKA_CONSUMER_GROUP: 'fulfillment',
      KAFKA_TOPIC_PREFIX: '',
    });
  });
});
