import { AcceptedCurrencies, defaultFraudPolicySettings, defaultOrderProcessSettings, FraudPolicy, OrderProcessSettings } from '@bazaar/checkout-domain';
import { FixedClock, SequentialIds } from '@bazaar/shared-kernel/testing';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { OrderScreening } from '../order-process/order-screening';
import { OrderPlacement } from '../place-order/order-placement';
import { FakePaymentGateway } from './fake-payment-gateway';
import { InMemoryBuyerOrderHistory } from './in-memory-buyer-order-history';
import { InMemoryCartQueries } from './in-memory-cart-queries';
import { InMemoryCarts } from './in-memory-carts';
import { InMemoryIdempotencyKeys } from './in-memory-idempotency-keys';
import { InMemoryOrderProcesses } from './in-memory-order-processes';
import { InMemoryOrderQueries } from './in-memory-order-queries';
import { InMemoryOrders } from './in-memory-orders';
import { InMemoryPendingFraudReviews } from './in-memory-pending-fraud-reviews';
import { InMemoryUnitOfWork } from '@bazaar/shared-kernel/testing';

/**
 * Every port of Checkout's application as an in-memory fake, sharing one clock: what a spec
 * builds its handler from (`new CancelOrderHandler(fakes.orders, fakes.runner)`).
 */
export function checkoutFakes({
  settings = defaultOrderProcessSettings,
  processes = new InMemoryOrderProcesses(),
  gateway = new FakePaymentGateway(),
  orders = new InMemoryOrders(),
}: { settings?: OrderProcessSettings; processes?: InMemoryOrderProcesses; gateway?: FakePaymentGateway; orders?: InMemoryOrders } = {}) {
  const carts = new InMemoryCarts();
  const keys = new InMemoryIdempotencyKeys();
  const clock = new FixedClock(new Date('2026-12-01T10:00:00.000Z'));
  const unitOfWork = new InMemoryUnitOfWork(orders, carts, processes, keys);
  const history = new InMemoryBuyerOrderHistory(orders);
  const policy = new FraudPolicy();
  const runner = new OrderProcessRunner(processes, orders, gateway, clock, settings, unitOfWork);
  const screening = new OrderScreening(history, policy);
  return {
    orders,
    carts,
    processes,
    keys,
    clock,
    gateway,
    settings,
    ids: new SequentialIds(),
    unitOfWork,
    history,
    pendingReviews: new InMemoryPendingFraudReviews(orders),
    orderQueries: new InMemoryOrderQueries(orders, processes),
    cartQueries: new InMemoryCartQueries(carts),
    policy,
    currencies: AcceptedCurrencies.of(defaultFraudPolicySettings),
    runner,
    screening,
    placement: new OrderPlacement(orders, keys, unitOfWork, screening, runner),
    /** Moves the shared clock on. */
    later(ms: number): Date {
      clock.set(new Date(clock.now().getTime() + ms));
      return clock.now();
    },
  };
}

export type CheckoutFakes = ReturnType<typeof checkoutFakes>;
