import { FraudPolicy, defaultFraudPolicySettings } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes, CheckoutFakes } from '../testing/checkout-fakes';
import { givenPlaced, savedEventTypes, statusOf, stepOf } from '../testing/given';
import { ScreenOrderHandler } from './screen-order.handler';

const screen = (fakes: CheckoutFakes, policy = fakes.policy) => new ScreenOrderHandler(fakes.orders, fakes.history, policy, fakes.runner);
const aLargeOrder = () => anOrder().withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_000_000, 'EUR') });

describe('Screening a placed order', () => {
  it('given an ordinary order paid with tok_ok, then its payment is authorized and it waits for inventory', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);

    await screen(fakes).execute({ orderId: order.id });

    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    expect(await stepOf(fakes, order)).toBe('awaiting_inventory');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect(fakes.gateway.authorizationIds()).toEqual(['auth-1']);
  });

  it('given a total of 10,000.00, then the order waits in fraud review with its score and reasons, and no payment is asked for', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes, aLargeOrder());

    await screen(fakes).execute({ orderId: order.id });

    expect(await statusOf(fakes, order)).toBe('awaiting_fraud_review');
    expect(fakes.orders.savedEvents.at(-1)).toMatchObject({ type: 'FraudReviewRequested', score: 100, reasons: ['large_order'] });
    expect(fakes.gateway.authorizeCalls).toBe(0);
  });

  it('given tok_declined, then the order ends cancelled with the payment failure as its reason', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes, anOrder().paidWith('tok_declined'));

    await screen(fakes).execute({ orderId: order.id });

    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('payment_declined');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentFailed', 'OrderCancelled']);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });

  it('counts the buyer’s recent orders for the velocity rule', async () => {
    const fakes = checkoutFakes();
    const velocityAlone = new FraudPolicy({ ...defaultFraudPolicySettings, reviewThreshold: 50, buyerVelocity: { maxOrders: 2, windowMs: 3_600_000, score: 50 } });
    const placedAt = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 9, minutes));
    await givenPlaced(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a1').placedAt(placedAt(0)));
    await givenPlaced(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a2').placedAt(placedAt(10)));
    await givenPlaced(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000b1').forBuyer('someone-else').placedAt(placedAt(15)));
    const third = await givenPlaced(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a3').placedAt(placedAt(20)));

    await screen(fakes, velocityAlone).execute({ orderId: third.id });

    expect((await fakes.orders.byId(third.id))?.fraudReview?.reasons).toEqual(['buyer_velocity']);
  });

  it('screens once: a replayed OrderPlaced decides nothing new and asks the gateway nothing', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);
    await screen(fakes).execute({ orderId: order.id });

    await screen(fakes).execute({ orderId: order.id });

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect(fakes.gateway.authorizeCalls).toBe(1);
  });

  it('given the gateway unavailable, then the order waits in authorizing for the next attempt after the backoff', async () => {
    const fakes = checkoutFakes();
    fakes.gateway.unavailableFor(1);
    const order = await givenPlaced(fakes);

    await screen(fakes).execute({ orderId: order.id });

    const process = await fakes.processes.byId(order.id);
    expect([process?.step, process?.attempts, process?.dueAt]).toEqual(['authorizing', 1, new Date(fakes.clock.now().getTime() + 1_000)]);
    expect(await statusOf(fakes, order)).toBe('placed');
  });

  it('says so when there is no such order', async () => {
    await expect(screen(checkoutFakes()).execute({ orderId: '00000000-0000-4000-8000-000000000099' })).rejects.toMatchObject({ code: 'order_not_found' });
  });

  it('decides within the intake (a consumer’s inbox transaction) and carries out once that has returned', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);
    const seenInside: unknown[] = [];

    await screen(fakes).execute({ orderId: order.id }, async (decide) => {
      await decide();
      seenInside.push(await statusOf(fakes, order), await stepOf(fakes, order), fakes.gateway.authorizeCalls);
    });

    expect(seenInside).toEqual(['placed', 'authorizing', 0]);
    expect(await statusOf(fakes, order)).toBe('payment_authorized');
  });
});
