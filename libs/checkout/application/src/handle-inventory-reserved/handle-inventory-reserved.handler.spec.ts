import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, statusOf, stepOf } from '../testing/given';
import { HandleInventoryReservedHandler } from './handle-inventory-reserved.handler';

describe('Fulfillment reserved the inventory', () => {
  it('confirms the paid order', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    await new HandleInventoryReservedHandler(fakes.runner).execute({ orderId: order.id });

    expect(await statusOf(fakes, order)).toBe('confirmed');
    expect(await stepOf(fakes, order)).toBe('confirmed');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
  });

  it('changes nothing when the event is replayed', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    const handler = new HandleInventoryReservedHandler(fakes.runner);
    await handler.execute({ orderId: order.id });
    const version = (await fakes.processes.byId(order.id))?.version;

    await handler.execute({ orderId: order.id });

    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
    expect((await fakes.processes.byId(order.id))?.version).toBe(version);
  });

  it('refuses news about an order Checkout does not know, for a person to look at', async () => {
    await expect(new HandleInventoryReservedHandler(checkoutFakes().runner).execute({ orderId: '00000000-0000-4000-8000-000000000099' })).rejects.toMatchObject({
      code: 'unexpected_order_process_input',
    });
  });
});
