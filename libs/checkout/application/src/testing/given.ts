import { Order } from '@bazaar/checkout-domain';
import { anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { ScreenOrderHandler } from '../screen-order/screen-order.handler';
import { CheckoutFakes } from './checkout-fakes';

/** An order saved as placed (its OrderPlaced in the saved events), not yet screened. */
export async function givenPlaced(fakes: CheckoutFakes, builder: OrderBuilder = anOrder()): Promise<Order> {
  const order = builder.build();
  await fakes.orders.save(order);
  return order;
}

/** An order placed and screened by the default policy: with `tok_ok` and an ordinary total, it is now waiting for inventory. */
export async function givenScreened(fakes: CheckoutFakes, builder: OrderBuilder = anOrder()): Promise<Order> {
  const order = await givenPlaced(fakes, builder);
  await new ScreenOrderHandler(fakes.orders, fakes.history, fakes.policy, fakes.runner).execute({ orderId: order.id });
  return order;
}

/** The types of the order events saved so far, in order: what the outbox would hold. */
export function savedEventTypes(fakes: CheckoutFakes): string[] {
  return fakes.orders.savedEvents.map((event) => event.type);
}

export async function statusOf(fakes: CheckoutFakes, order: Order): Promise<string | undefined> {
  return (await fakes.orders.byId(order.id))?.status;
}

export async function stepOf(fakes: CheckoutFakes, order: Order): Promise<string | undefined> {
  return (await fakes.processes.byId(order.id))?.step;
}
