import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { anEvent, eventually, kafkaMessage, TopicTap } from '@bazaar/platform-testing';
import { InventoryReservedV1, OrderCancelledV1, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';
import { checkoutService } from '../checkout.service';
import { CheckoutSettings, defaultCheckoutSettings } from '../checkout-settings';
import { AuthorizationRequest, AuthorizationResult } from '@bazaar/checkout-domain';
import { SandboxPaymentGateway } from '../payment/sandbox-payment-gateway';
import { orderOf, orderReaches, placeOrder, publishedAbout, publishedEvent } from '../testing/checkout-journeys';

jest.setTimeout(90_000);

/** The sandbox, counting the authorizations in flight at once. */
class CountingSandbox extends SandboxPaymentGateway {
  inFlight = 0;
  mostInFlight = 0;

  override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    try {
      return await super.authorize(request);
    } finally {
      this.inFlight--;
    }
  }
}

/** Quick sweeps and retries, a short reservation deadline, two carry-outs alongside and one waiting: time passes in these specs. */
const settings: CheckoutSettings = {
  ...defaultCheckoutSettings,
  process: { reservationTimeoutMs: 1_500, maxAuthorizationAttempts: 50, backoff: { initialMs: 100, maxMs: 200 } },
  worker: { sweepIntervalMs: 100, claimMs: 5_000, carryOut: { concurrency: 2, waiting: 1 } },
};

describe('An order’s process over time, failures and restarts (real PostgreSQL and Kafka)', () => {
  // The payment provider is outside Checkout: it outlives every restart of the service.
  const sandbox = new CountingSandbox({ latencyMs: 0, failureRate: 0 });
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    checkout = await ServiceUnderTest.start((config) => checkoutService(config, settings, sandbox));
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
  });

  afterEach(() => sandbox.reconfigure({ failureRate: 0, latencyMs: 0 }));

  const restart = async () => {
    await checkout.stopInstances();
    await checkout.startInstance();
  };

  it('cancels (timed_out) and voids an order Fulfillment does not answer before the deadline', async () => {
    const orderId = await placeOrder(checkout);
    const waiting = await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');
    expect(Date.parse(waiting.process?.deadline ?? '')).toBeGreaterThan(Date.now() - 1_500);

    const order = await orderReaches(checkout, orderId, 'cancelled', 'cancelled');

    expect(order).toMatchObject({ cancellationReason: 'timed_out', payment: { state: 'voided' } });
    expect(sandbox.isVoided(`sbx_auth_${orderId}`)).toBe(true);
    expect((await publishedEvent(orders, orderId, OrderCancelledV1)).data).toMatchObject({ reason: 'timed_out', authorizationVoided: true });
  });

  it('carries out two authorizations alongside and one more waiting; the sweep, as wide, carries out the rest, each order once', async () => {
    sandbox.reconfigure({ latencyMs: 300 });
    sandbox.mostInFlight = 0;
    const before = sandbox.authorizeCalls;

    const orderIds = await Promise.all(Array.from({ length: 8 }, () => placeOrder(checkout)));
    for (const orderId of orderIds) await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');

    // Two alongside plus the sweep's two: without the cap all eight would be in flight at once.
    expect(sandbox.mostInFlight).toBeLessThanOrEqual(4);
    expect(sandbox.authorizeCalls - before).toBe(8);
  });

  it('changes nothing when Fulfillment’s answer comes after the deadline', async () => {
    const orderId = await placeOrder(checkout);
    const cancelled = await orderReaches(checkout, orderId, 'cancelled', 'cancelled');

    await checkout.consumedPast(await checkout.send(Topics.fulfillmentReservations, kafkaMessage(anEvent(InventoryReservedV1, { data: { orderId } }))));

    expect(await orderOf(checkout, orderId)).toEqual(cancelled);
  });

  it('retries an authorization while the gateway is unavailable, and authorizes once it answers', async () => {
    sandbox.reconfigure({ failureRate: 1 });
    const calls = sandbox.authorizeCalls;
    const orderId = await placeOrder(checkout);
    await eventually(() => expect(sandbox.authorizeCalls - calls).toBeGreaterThanOrEqual(3));
    expect((await orderOf(checkout, orderId)).process).toMatchObject({ step: 'authorizing', pending: ['AuthorizePayment'] });

    sandbox.reconfigure({ failureRate: 0 });

    await orderReaches(checkout, orderId, 'payment_authorized');
    expect(sandbox.authorizedOrders().filter((id) => id === orderId)).toHaveLength(1);
  });

  it('loses no order and authorizes once across a restart in the middle of its process', async () => {
    // The gateway is down: the order waits in `authorizing`, its retry persisted, when Checkout stops.
    sandbox.reconfigure({ failureRate: 1 });
    const orderId = await placeOrder(checkout);
    await eventually(async () => expect((await orderOf(checkout, orderId)).process).toMatchObject({ step: 'authorizing', attempts: expect.any(Number) }));

    await checkout.stopInstances();
    sandbox.reconfigure({ failureRate: 0 });
    const callsBefore = sandbox.authorizeCalls;
    await checkout.startInstance();

    await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');
    expect(sandbox.authorizeCalls - callsBefore).toBe(1);
    expect(sandbox.authorizedOrders().filter((id) => id === orderId)).toHaveLength(1);
    await publishedEvent(orders, orderId, PaymentAuthorizedV2);
    expect(publishedAbout(orders, orderId).filter((type) => type === PaymentAuthorizedV2.wireType)).toHaveLength(1);
  });

  it('keeps an order’s deadline across a restart: the order still times out then, not before', async () => {
    const orderId = await placeOrder(checkout);
    const waiting = await orderReaches(checkout, orderId, 'payment_authorized', 'awaiting_inventory');

    await restart();

    await orderReaches(checkout, orderId, 'cancelled', 'cancelled');
    const { rows } = await checkout.query<{ cancelled_at: Date; cancellation_reason: string }>('SELECT cancelled_at, cancellation_reason FROM orders WHERE id = $1', [orderId]);
    expect(rows[0]?.cancellation_reason).toBe('timed_out');
    expect(rows[0]!.cancelled_at.getTime()).toBeGreaterThanOrEqual(Date.parse(waiting.process?.deadline ?? ''));
    expect(sandbox.isVoided(`sbx_auth_${orderId}`)).toBe(true);
  });

  it('shares the sweeps between replicas: with a flaky gateway every order is still authorized and announced once', async () => {
    await checkout.startInstance();
    await checkout.sharesPartitionsOf(Topics.fulfillmentReservations);
    sandbox.reconfigure({ failureRate: 0.5 });

    const orderIds = await Promise.all(Array.from({ length: 6 }, () => placeOrder(checkout)));

    // Each is authorized, then (no answer from Fulfillment here) timed out and voided: its process runs to its end.
    for (const orderId of orderIds) {
      await publishedEvent(orders, orderId, PaymentAuthorizedV2);
      await orderReaches(checkout, orderId, 'cancelled', 'cancelled');
      await publishedEvent(orders, orderId, OrderCancelledV1);
    }
    for (const orderId of orderIds) {
      expect(publishedAbout(orders, orderId)).toEqual(['checkout.cart-checked-out.v2', PaymentAuthorizedV2.wireType, OrderCancelledV1.wireType]);
      expect(sandbox.isVoided(`sbx_auth_${orderId}`)).toBe(true);
    }
    await checkout.instances.pop()?.close();
  });
});
