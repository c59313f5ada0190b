import { CreateOrders1763800000000 } from './1763800000000-create-orders';

/** Checkout's schema, in order; the platform runs its messaging tables migration before these. */
export const checkoutMigrations = [CreateOrders1763800000000];
