import { anOrder } from '@bazaar/checkout-domain/testing';
import { money } from '@bazaar/shared-kernel';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenPlaced, givenScreened, savedEventTypes, stepOf } from '../testing/given';
import { CancelOrderHandler } from './cancel-order.handler';

const cancel = (fakes: ReturnType<typeof checkoutFakes>) => new CancelOrderHandler(fakes.orders, fakes.runner);

describe('The buyer cancels an order', () => {
  it('before it was screened: the order is cancelled, and screening later decides nothing', async () => {
    const fakes = checkoutFakes();
    const order = await givenPlaced(fakes);

    await cancel(fakes).execute({ orderId: order.id });

    expect((await fakes.orders.byId(order.id))?.cancellationReason).toBe('buyer_cancelled');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'OrderCancelled']);
    expect(await stepOf(fakes, order)).toBe('cancelled');
  });

  it('in fraud review: the order is cancelled with nothing to void', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes, anOrder().withLines({ sku: 'RING', quantity: 1, unitPrice: money(1_000_000, 'EUR') }));

    await cancel(fakes).execute({ orderId: order.id });

    expect((await fakes.orders.byId(order.id))?.status).toBe('cancelled');
    expect(fakes.gateway.voidCalls).toBe(0);
  });

  it('once confirmed: the order is cancelled and its authorization voided', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await fakes.runner.tell(order.id, { type: 'InventoryReserved' });

    await cancel(fakes).execute({ orderId: order.id });

    expect(fakes.orders.savedEvents.at(-1)).toMatchObject({ type: 'OrderCancelled', reason: 'buyer_cancelled', authorizationToVoid: 'auth-1' });
    expect(fakes.gateway.isVoided('auth-1')).toBe(true);
  });

  it('after dispatch: refused with 409 order_already_dispatched, and nothing changes', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await fakes.runner.tell(order.id, { type: 'ShipmentDispatched' });
    const before = savedEventTypes(fakes);

    await expect(cancel(fakes).execute({ orderId: order.id })).rejects.toMatchObject({ code: 'order_already_dispatched', kind: 'conflict' });
    expect(savedEventTypes(fakes)).toEqual(before);
  });

  it('twice: the second changes nothing', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await cancel(fakes).execute({ orderId: order.id });

    await cancel(fakes).execute({ orderId: order.id });

    expect(fakes.gateway.voidCalls).toBe(1);
  });

  it('says so when there is no such order', async () => {
    await expect(cancel(checkoutFakes()).execute({ orderId: 'nope' })).rejects.toMatchObject({ code: 'order_not_found', kind: 'not_found' });
  });
});
