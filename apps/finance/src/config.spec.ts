import { loadConfig } from '@bazaar/platform-service';
import { financeConfigSchema } from './config';

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
