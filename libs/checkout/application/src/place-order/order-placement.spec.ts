import { FraudPolicy, OrderId, defaultFraudPolicySettings } from '@bazaar/checkout-domain';
import { anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes, CheckoutFakes } from '../testing/checkout-fakes';
import { savedEventTypes, statusOf, stepOf } from '../testing/given';
import { InMemoryOrderProcesses } from '../testing/in-memory-order-processes';
import { InMemoryOrders } from '../testing/in-memory-orders';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { OrderScreening } from '../order-process/order-screening';
import { ResumeOrderProcessesHandler } from '../resume-order-processes/resume-order-processes.handler';
import { OrderPlacement } from './order-placement';

const aLargeOrder = () => anOrder().withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_000_000, 'EUR') });

async function place(fakes: CheckoutFakes, builder: OrderBuilder = anOrder(), placement = fakes.placement) {
  const order = builder.build();
  await placement.place(order.id, undefined, async () => order);
  await placement.settled();
  return order;
}

describe('Placing an order begins its process, screened, in the same unit of work', () => {
  it('given an ordinary order paid with tok_ok, then its payment is authorized and it waits for inventory', async () => {
    const fakes = checkoutFakes();

    const order = await place(fakes);

    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    expect(await stepOf(fakes, order)).toBe('awaiting_inventory');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect(fakes.gateway.authorizationIds()).toEqual(['auth-1']);
  });

  it('given a total of 10,000.00, then the order waits in fraud review with its score and reasons, and no payment is asked for', async () => {
    const fakes = checkoutFakes();

    const order = await place(fakes, aLargeOrder());

    expect(await statusOf(fakes, order)).toBe('awaiting_fraud_review');
    expect(fakes.orders.savedEvents.at(-1)).toMatchObject({ type: 'FraudReviewRequested', score: 100, reasons: ['large_order'] });
    expect(fakes.gateway.authorizeCalls).toBe(0);
  });

  it('given tok_declined, then the order ends cancelled with the payment failure as its reason', async () => {
    const fakes = checkoutFakes();

    const order = await place(fakes, anOrder().paidWith('tok_declined'));

    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('payment_declined');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentFailed', 'OrderCancelled']);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });

  it('counts the buyer’s recent orders, this one included, for the velocity rule', async () => {
    const fakes = checkoutFakes();
    const velocityAlone = new FraudPolicy({ ...defaultFraudPolicySettings, reviewThreshold: 50, buyerVelocity: { maxOrders: 2, windowMs: 3_600_000, score: 50 } });
    const placement = new OrderPlacement(fakes.orders, fakes.keys, fakes.unitOfWork, new OrderScreening(fakes.history, velocityAlone), fakes.runner);
    const placedAt = (minutes: number) => new Date(Date.UTC(2026, 10, 21, 9, minutes));
    await place(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a1').placedAt(placedAt(0)), placement);
    const second = await place(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a2').placedAt(placedAt(10)), placement);
    await place(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000b1').forBuyer('someone-else').placedAt(placedAt(15)), placement);

    const third = await place(fakes, anOrder().withId('00000000-0000-4000-8000-0000000000a3').placedAt(placedAt(20)), placement);

    expect((await fakes.orders.byId(second.id))?.fraudReview).toBeUndefined();
    expect((await fakes.orders.byId(third.id))?.fraudReview?.reasons).toEqual(['buyer_velocity']);
  });

  it('answers once the order and its screened process have committed together, before anything is carried out', async () => {
    const fakes = checkoutFakes();
    const order = anOrder().build();

    await fakes.placement.begin(order.id, undefined, async () => order);

    expect([await statusOf(fakes, order), await stepOf(fakes, order)]).toEqual(['placed', 'authorizing']);
    expect((await fakes.processes.byId(order.id))?.dueAt).toEqual(fakes.clock.now());
    expect(fakes.gateway.authorizeCalls).toBe(0);
  });

  it('answers without waiting for the gateway: what screening decided is carried out alongside', async () => {
    const fakes = checkoutFakes();
    const release = holdAuthorizations(fakes);
    const order = anOrder().build();

    await fakes.placement.place(order.id, undefined, async () => order);

    expect([await statusOf(fakes, order), await stepOf(fakes, order)]).toEqual(['placed', 'authorizing']);
    release();
    await fakes.placement.settled();
    expect(await statusOf(fakes, order)).toBe('payment_authorized');
  });

  it('carries out so many alongside at once and so many waiting; past them the order stays due and the process worker’s sweep carries it out', async () => {
    const fakes = checkoutFakes();
    const runner = new OrderProcessRunner(fakes.processes, fakes.orders, fakes.gateway, fakes.clock, fakes.settings, fakes.unitOfWork, { concurrency: 2, waiting: 1 });
    const placement = new OrderPlacement(fakes.orders, fakes.keys, fakes.unitOfWork, fakes.screening, runner);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const authorize = fakes.gateway.authorize.bind(fakes.gateway);
    let inFlight = 0;
    let mostInFlight = 0;
    jest.spyOn(fakes.gateway, 'authorize').mockImplementation(async (request) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await held;
      inFlight--;
      return authorize(request);
    });
    const orders = [1, 2, 3, 4, 5].map((n) => anOrder().withId(`00000000-0000-4000-8000-00000000000${n}`).build());

    for (const order of orders) await placement.place(order.id, undefined, async () => order);
    await eventuallyTrue(() => inFlight === 2);
    expect(runner.carryingOutAlongside).toEqual({ running: 2, waiting: 1 });
    release();
    await placement.settled();

    expect(mostInFlight).toBe(2);
    const statuses = await Promise.all(orders.map((order) => statusOf(fakes, order)));
    expect(statuses).toEqual(['payment_authorized', 'payment_authorized', 'payment_authorized', 'placed', 'placed']);
    for (const order of orders.slice(3)) expect((await fakes.processes.byId(order.id))?.dueCommand(fakes.clock.now())).toEqual({ type: 'AuthorizePayment' });

    const swept = await new ResumeOrderProcessesHandler(fakes.processes, runner, fakes.clock).execute({});

    expect(swept.handled).toHaveLength(2);
    expect(await Promise.all(orders.map((order) => statusOf(fakes, order)))).toEqual(orders.map(() => 'payment_authorized'));
    expect(fakes.gateway.authorizationIds()).toHaveLength(5);
  });

  it('a carry-out that waited for its slot goes on with the order and process as placing saved them: neither is read back', async () => {
    const reads = { orders: 0, processes: 0 };
    const orders = new (class extends InMemoryOrders {
      override async byId(id: OrderId) {
        reads.orders += 1;
        return super.byId(id);
      }
    })();
    const processes = new (class extends InMemoryOrderProcesses {
      override async byId(id: OrderId) {
        reads.processes += 1;
        return super.byId(id);
      }
    })();
    const fakes = checkoutFakes({ orders, processes });
    const runner = new OrderProcessRunner(fakes.processes, fakes.orders, fakes.gateway, fakes.clock, fakes.settings, fakes.unitOfWork, { concurrency: 1, waiting: 2 });
    const placement = new OrderPlacement(fakes.orders, fakes.keys, fakes.unitOfWork, fakes.screening, runner);
    const release = holdAuthorizations(fakes);
    const placed = [1, 2, 3].map((n) => anOrder().withId(`00000000-0000-4000-8000-00000000001${n}`).build());

    for (const order of placed) await placement.place(order.id, undefined, async () => order);
    expect(runner.carryingOutAlongside).toEqual({ running: 1, waiting: 2 });
    release();
    await placement.settled();

    expect(reads).toEqual({ orders: 0, processes: 0 });
    expect(await Promise.all(placed.map((order) => statusOf(fakes, order)))).toEqual(['payment_authorized', 'payment_authorized', 'payment_authorized']);
  });

  it('rolls back the order with its process when the unit of work fails: no order without a process, nor the reverse', async () => {
    const fakes = checkoutFakes();
    const order = anOrder().build();
    const placement = new OrderPlacement(fakes.orders, fakes.keys, fakes.unitOfWork, fakes.screening, fakes.runner);
    jest.spyOn(fakes.screening, 'assess').mockRejectedValueOnce(new Error('the database went away'));

    await expect(placement.place(order.id, undefined, async () => order)).rejects.toThrow('the database went away');

    expect(await fakes.orders.byId(order.id)).toBeUndefined();
    expect(await fakes.processes.byId(order.id)).toBeUndefined();
  });

  it('given the gateway unavailable, then the order is placed all the same and waits in authorizing for the next attempt after the backoff', async () => {
    const fakes = checkoutFakes();
    fakes.gateway.unavailableFor(1);

    const order = await place(fakes);

    const process = await fakes.processes.byId(order.id);
    expect([process?.step, process?.attempts, process?.dueAt]).toEqual(['authorizing', 1, new Date(fakes.clock.now().getTime() + 1_000)]);
    expect(await statusOf(fakes, order)).toBe('placed');
  });

  it('given the carrying out fails after the commit, then the order is placed all the same and its command stays due for the process worker', async () => {
    const fakes = checkoutFakes();
    jest.spyOn(fakes.gateway, 'authorize').mockRejectedValueOnce(new Error('a bug in the gateway adapter'));

    const order = await place(fakes);

    expect([await statusOf(fakes, order), await stepOf(fakes, order)]).toEqual(['placed', 'authorizing']);
    expect((await fakes.processes.byId(order.id))?.dueCommand(fakes.clock.now())).toEqual({ type: 'AuthorizePayment' });
  });
});

/** Lets the carry-outs started alongside run until `condition` holds (they wait on promises only: no timers). */
/** The gateway answers no authorization until the function returned is called. */
function holdAuthorizations(fakes: CheckoutFakes): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const authorize = fakes.gateway.authorize.bind(fakes.gateway);
  jest.spyOn(fakes.gateway, 'authorize').mockImplementation(async (request) => {
    await held;
    return authorize(request);
  });
  return release;
}

async function eventuallyTrue(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !condition(); turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}
