import { loadConfig } from '@bazaar/platform-service';
import { supportConfigSchema } from './config';

describe('Support configuration', () => {
  it('defaults to port 3004, its own database and consumer group, and the published topics themselves', () => {
    const config = loadConfig(supportConfigSchema, {});

    expect(config).toMatchObject({
      PORT: 3004,
      DATABASE_URL: 'postgres://bazaar_support@127.0.0.1:5432/bazaar_support',
      KAFKA_CONSUMER_GROUP: 'support',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_PARTITIONS_CONCURRENCY: 1,
    });
  });
});
