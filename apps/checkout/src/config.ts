import { serviceConfigSchema } from '@bazaar/platform-service';

/** Checkout's settings: the platform's, nothing of its own yet. */
export const checkoutConfigSchema = serviceConfigSchema({ name: 'checkout', port: 3001 });
