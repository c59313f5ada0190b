import { OrderProcessSettings } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, statusOf } from '../testing/given';
import { AuthorizePaymentHandler } from './authorize-payment.handler';

const settings: OrderProcessSettings = { reservationTimeoutMs: 60_000, maxAuthorizationAttempts: 3, backoff: { initialMs: 1_000, maxMs: 10_000 } };

async function gatewayDownAtFirst(failures: number) {
  const fakes = checkoutFakes({ settings });
  fakes.gateway.unavailableFor(failures);
  const order = await givenScreened(fakes);
  return { fakes, order, handler: new AuthorizePaymentHandler(fakes.processes, fakes.runner, fakes.clock) };
}

describe('Authorizing a payment with retries', () => {
  it('does not try again before the backoff has passed', async () => {
    const { fakes, order, handler } = await gatewayDownAtFirst(1);

    expect(await handler.execute({ orderId: order.id })).toBe(false);
    expect(fakes.gateway.authorizeCalls).toBe(1);
  });

  it('tries again after the backoff, and authorizes once the gateway answers', async () => {
    const { fakes, order, handler } = await gatewayDownAtFirst(2);

    fakes.later(1_000);
    expect(await handler.execute({ orderId: order.id })).toBe(true);
    fakes.later(2_000);
    await handler.execute({ orderId: order.id });

    expect(fakes.gateway.authorizeCalls).toBe(3);
    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    expect(fakes.gateway.authorizationIds()).toHaveLength(1);
  });

  it('gives up after the configured attempts: the order is cancelled as timed_out', async () => {
    const { fakes, order, handler } = await gatewayDownAtFirst(10);

    fakes.later(1_000);
    await handler.execute({ orderId: order.id });
    fakes.later(2_000);
    await handler.execute({ orderId: order.id });

    expect(fakes.gateway.authorizeCalls).toBe(3);
    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('timed_out');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });

  it('never asks the gateway again once the order holds the answer', async () => {
    const fakes = checkoutFakes({ settings });
    const order = await givenScreened(fakes, anOrder());

    expect(await new AuthorizePaymentHandler(fakes.processes, fakes.runner, fakes.clock).execute({ orderId: order.id })).toBe(false);
    expect(fakes.gateway.authorizeCalls).toBe(1);
  });
});
