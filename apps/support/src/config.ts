import { serviceConfigSchema } from '@bazaar/platform-service';

/** Support's settings: the platform's, nothing of its own (the topics it reads are the published ones, under KAFKA_TOPIC_PREFIX). */
export const supportConfigSchema = serviceConfigSchema({ name: 'support', port: 3004 });
