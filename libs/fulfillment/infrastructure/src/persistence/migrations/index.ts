import { CreateShipments1763800000000 } from './1763800000000-create-shipments';

/** Fulfillment's schema, in order; the platform runs its messaging tables first. */
export const fulfillmentMigrations = [CreateShipments1763800000000];
