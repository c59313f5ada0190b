import { serviceConfigSchema } from '@bazaar/platform-service';

/** Finance's settings: the platform's, nothing of its own (it reads Checkout's orders and Fulfillment's shipments topics, under KAFKA_TOPIC_PREFIX). */
export const financeConfigSchema = serviceConfigSchema({ name: 'finance', port: 3003 });
