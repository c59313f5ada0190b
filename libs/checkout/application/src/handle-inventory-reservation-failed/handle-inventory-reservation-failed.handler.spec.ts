import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, stepOf } from '../testing/given';
import { HandleInventoryReservationFailedHandler } from './handle-inventory-reservation-failed.handler';

describe('Fulfillment could not reserve the inventory', () => {
  it('cancels the order as out_of_stock and voids its authorization', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    await new HandleInventoryReservationFailedHandler(fakes.runner).execute({ orderId: order.id });

    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('out_of_stock');
    expect(fakes.orders.savedEvents.at(-1)).toMatchObject({ type: 'OrderCancelled', reason: 'out_of_stock', authorizationToVoid: 'auth-1' });
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });

  it('voids once, however often the event is replayed', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    const handler = new HandleInventoryReservationFailedHandler(fakes.runner);

    await handler.execute({ orderId: order.id });
    await handler.execute({ orderId: order.id });

    expect(fakes.gateway.voidCalls).toBe(1);
    expect(savedEventTypes(fakes).filter((type) => type === 'OrderCancelled')).toHaveLength(1);
  });

  it('cancels the order even while the gateway is down, and leaves the void for a retry', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    fakes.gateway.unavailableFor(1);

    await new HandleInventoryReservationFailedHandler(fakes.runner).execute({ orderId: order.id });

    expect((await fakes.orders.byId(order.id))?.status).toBe('cancelled');
    const process = await fakes.processes.byId(order.id);
    expect([process?.step, process?.pending.map((command) => command.type), process?.attempts]).toEqual(['cancelling', ['VoidAuthorization'], 1]);
  });
});
