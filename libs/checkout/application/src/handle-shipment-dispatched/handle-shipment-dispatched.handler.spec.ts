import { HandleInventoryReservedHandler } from '../handle-inventory-reserved/handle-inventory-reserved.handler';
import { checkoutFakes } from '../testing/checkout-fakes';
import { givenScreened, savedEventTypes, statusOf } from '../testing/given';
import { HandleShipmentDispatchedHandler } from './handle-shipment-dispatched.handler';

describe('The order’s parcel was dispatched', () => {
  it('completes the confirmed order', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await new HandleInventoryReservedHandler(fakes.runner).execute({ orderId: order.id });

    await new HandleShipmentDispatchedHandler(fakes.runner).execute({ orderId: order.id });

    expect(await statusOf(fakes, order)).toBe('completed');
    expect(savedEventTypes(fakes).at(-1)).toBe('OrderCompleted');
  });

  it('confirms and completes an order whose reservation news has not arrived yet', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);

    await new HandleShipmentDispatchedHandler(fakes.runner).execute({ orderId: order.id });

    expect(savedEventTypes(fakes).slice(-2)).toEqual(['OrderConfirmed', 'OrderCompleted']);
  });

  it('changes nothing when the event is replayed', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    const handler = new HandleShipmentDispatchedHandler(fakes.runner);
    await handler.execute({ orderId: order.id });

    await handler.execute({ orderId: order.id });

    expect(savedEventTypes(fakes).filter((type) => type === 'OrderCompleted')).toHaveLength(1);
  });
});
