import { AuthorizationRequest, AuthorizationResult, Order, OrderId, OrderProcess } from '@bazaar/checkout-domain';
import { anOrder } from '@bazaar/checkout-domain/testing';
import { CancelOrderHandler } from '../cancel-order/cancel-order.handler';
import { checkoutFakes } from '../testing/checkout-fakes';
import { FakePaymentGateway } from '../testing/fake-payment-gateway';
import { givenPlaced, givenScreened, savedEventTypes, stepOf } from '../testing/given';
import { InMemoryOrderProcesses } from '../testing/in-memory-order-processes';
import { InMemoryOrders } from '../testing/in-memory-orders';
import { SavedOrderProcess } from './order-process-runner';

/** Processes whose next load lets `meanwhile` run first: another writer getting in between a load and its save. */
class InterleavedProcesses extends InMemoryOrderProcesses {
  meanwhile?: () => Promise<void>;

  override async byId(id: OrderId): Promise<OrderProcess | undefined> {
    const process = await super.byId(id);
    const meanwhile = this.meanwhile;
    this.meanwhile = undefined;
    await meanwhile?.();
    return process;
  }
}

/** Orders that count their reads. */
class CountedOrders extends InMemoryOrders {
  reads = 0;

  override async byId(id: OrderId): Promise<Order | undefined> {
    this.reads += 1;
    return super.byId(id);
  }
}

/** An order placed as `givenPlaced` places it, with the order and its process as placing saved them. */
async function placedAsSaved(fakes: ReturnType<typeof checkoutFakes>): Promise<{ order: Order; saved: SavedOrderProcess }> {
  const order = anOrder().build();
  let saved: SavedOrderProcess | undefined;
  await fakes.placement.begin(
    order.id,
    undefined,
    async () => order,
    (value) => (saved = value),
  );
  if (!saved) throw new Error('placing handed nothing back');
  return { order, saved };
}

/** A gateway whose answer arrives after `meanwhile` has happened. */
class SlowGateway extends FakePaymentGateway {
  meanwhile?: () => Promise<void>;

  override async authorize(request: AuthorizationRequest): Promise<AuthorizationResult> {
    const answer = await super.authorize(request);
    await this.meanwhile?.();
    return answer;
  }
}

describe('Concurrent news for one order', () => {
  it('a buyer cancel landing between the load and the save of a confirmation wins; the confirmation is decided again and drops', async () => {
    const processes = new InterleavedProcesses();
    const fakes = checkoutFakes({ processes });
    const order = await givenScreened(fakes);
    processes.meanwhile = () => new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });

    await fakes.runner.tell(order.id, { type: 'InventoryReserved' });

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderCancelled']);
    expect(await stepOf(fakes, order)).toBe('cancelled');
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
  });

  it('a runner whose process was read just before another runner carried out the same command reads again, instead of failing on the order', async () => {
    const processes = new InterleavedProcesses();
    const fakes = checkoutFakes({ processes });
    const order = await givenScreened(fakes);
    await fakes.runner.advance(order.id, { type: 'InventoryReserved' });
    processes.meanwhile = async () => {
      await fakes.runner.carryOut(order.id);
    };

    const outcome = await fakes.runner.carryOut(order.id);

    expect(outcome).toMatchObject({ step: 'confirmed', pending: [] });
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
    expect(await stepOf(fakes, order)).toBe('confirmed');
  });

  it('a runner handed the process as it saved it, which another runner moved on since, reads again instead of carrying the command out twice', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    const reserved = await fakes.runner.advance(order.id, { type: 'InventoryReserved' });
    await fakes.runner.carryOut(order.id);

    const outcome = await fakes.runner.carryOut(order.id, { process: reserved });

    expect(outcome).toMatchObject({ step: 'confirmed', pending: [] });
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
  });

  it('a runner whose gateway answers after another runner recorded the same authorization reads again instead of saving over the order', async () => {
    const gateway = new SlowGateway();
    const fakes = checkoutFakes({ gateway });
    const order = await givenPlaced(fakes);
    gateway.meanwhile = async () => {
      gateway.meanwhile = undefined;
      await fakes.runner.carryOut(order.id);
    };
    const recordedBy = async () => (await fakes.orders.byId(order.id))?.version;

    const outcome = await fakes.runner.carryOut(order.id);

    expect(outcome).toMatchObject({ step: 'awaiting_inventory', pending: [] });
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect(gateway.authorizationIds()).toEqual(['auth-1']);
    expect(await recordedBy()).toBe(2);
  });

  it('a confirmation before the cancel is followed by the cancel and the void: no update is lost', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    await fakes.runner.tell(order.id, { type: 'InventoryReserved' });
    await new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed', 'OrderCancelled']);
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
  });

  it('an authorization that lands after the buyer cancelled is voided, and never recorded as the order’s payment', async () => {
    const gateway = new SlowGateway();
    const fakes = checkoutFakes({ gateway });
    const order = await givenPlaced(fakes);
    gateway.meanwhile = async () => {
      gateway.meanwhile = undefined;
      await new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });
    };

    await fakes.runner.carryOut(order.id);

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(gateway.isVoided('auth-1')).toBe(true);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });

  it('a runner handed the order as placing saved it authorizes it without reading it back, at the version placing wrote', async () => {
    const orders = new CountedOrders();
    const fakes = checkoutFakes({ orders });
    const { order, saved } = await placedAsSaved(fakes);

    const outcome = await fakes.runner.carryOut(order.id, saved);

    expect(orders.reads).toBe(0);
    expect(outcome).toMatchObject({ step: 'awaiting_inventory', pending: [] });
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized']);
    expect((await fakes.orders.byId(order.id))?.version).toBe(2);
  });

  it('a runner handed the order as placed, which the buyer cancelled since, voids the authorization instead of recording it over the cancellation', async () => {
    const fakes = checkoutFakes();
    const { order, saved } = await placedAsSaved(fakes);
    await new CancelOrderHandler(fakes.orders, fakes.runner).execute({ orderId: order.id });

    await fakes.runner.carryOut(order.id, saved);

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });
});
