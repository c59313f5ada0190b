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

  it('decides and confirms the order within the intake (a consumer’s inbox transaction): nothing is left for after the commit', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    const seenInside: unknown[] = [];
    const afterCommit: (() => void)[] = [];

    await new HandleInventoryReservedHandler(fakes.runner).execute(
      { orderId: order.id },
      {
        take: async (decide) => {
          await decide();
          seenInside.push(await statusOf(fakes, order), await stepOf(fakes, order));
          return 'applied';
        },
        afterCommit: (work) => afterCommit.push(work),
      },
    );

    expect(seenInside).toEqual(['confirmed', 'confirmed']);
    expect(afterCommit).toEqual([]);
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
  });

  it('a duplicate (an intake that decides nothing) still carries out, after the commit, what an earlier delivery decided', async () => {
    const fakes = checkoutFakes();
    const order = await givenScreened(fakes);
    await fakes.runner.advance(order.id, { type: 'InventoryReserved' });
    const afterCommit: (() => void)[] = [];

    await new HandleInventoryReservedHandler(fakes.runner).execute({ orderId: order.id }, { take: async () => 'duplicate', afterCommit: (work) => afterCommit.push(work) });
    expect(await statusOf(fakes, order)).toBe('payment_authorized');
    afterCommit.forEach((work) => work());
    await fakes.runner.settled();

    expect(await statusOf(fakes, order)).toBe('confirmed');
    expect(savedEventTypes(fakes)).toEqual(['OrderPlaced', 'PaymentAuthorized', 'OrderConfirmed']);
  });
});
