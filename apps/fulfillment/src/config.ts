import { serviceConfigSchema } from '@bazaar/platform-service';

/** Fulfillment's settings: the platform's, nothing of its own (it reads Checkout's orders topic, under KAFKA_TOPIC_PREFIX). */
export const fulfillmentConfigSchema = serviceConfigSchema({ name: 'fulfillment', port: 3002 });
