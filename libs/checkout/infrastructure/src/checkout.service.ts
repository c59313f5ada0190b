import { ServiceDefinition } from '@bazaar/platform-service';
import { checkoutMigrations } from './persistence/migrations';

/** What Checkout tells the platform about itself. */
export const checkoutService: ServiceDefinition = {
  name: 'checkout',
  migrations: checkoutMigrations,
  consumes: [],
};

export const checkoutOpenApi = {
  title: 'Bazaar Checkout',
  description: 'Buyer intent and payment authorization: express checkout and orders.',
};
