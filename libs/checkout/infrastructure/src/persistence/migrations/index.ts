import { CreateOrders1763800000000 } from './1763800000000-create-orders';
import { OrderLifecycle1763900000000 } from './1763900000000-order-lifecycle';
import { CreateCarts1763900000001 } from './1763900000001-create-carts';
import { CreateOrderProcesses1763900000002 } from './1763900000002-create-order-processes';
import { BuyerKeys1764000000000 } from './1764000000000-buyer-keys';
import { FraudDecisionAttribution1765000000000 } from './1765000000000-fraud-decision-attribution';
import { ScopeIdempotencyKeys1765100000000 } from './1765100000000-scope-idempotency-keys';
import { OutboxTombstones1766000000000 } from './1766000000000-outbox-tombstones';

/** Checkout's schema, in order; the platform runs its messaging tables migration before these. */
export const checkoutMigrations = [
  CreateOrders1763800000000,
  OrderLifecycle1763900000000,
  CreateCarts1763900000001,
  CreateOrderProcesses1763900000002,
  BuyerKeys1764000000000,
  FraudDecisionAttribution1765000000000,
  ScopeIdempotencyKeys1765100000000,
  OutboxTombstones1766000000000,
];
