import { Order } from '@bazaar/checkout-domain';
import { anOrder, OrderBuilder } from '@bazaar/checkout-domain/testing';
import { CheckoutFakes } from './checkout-fakes';

/**
 * An order as placing commits it (its OrderPlaced in the saved events, its process begun and
 * screened), before what screening decided is carried out: as if the service stopped right then.
 */
export async function givenPlaced(fakes: CheckoutFakes, builder: OrderBuilder = anOrder()): Promise<Order> {
  const order = builder.build();
  await fakes.placement.begin(order.id, undefined, async () => order);
  return order;
}

/** An order placed, screened by the default policy and carried out: with `tok_ok` and an ordinary total, it is now waiting for inventory. */
export async function givenScreened(fakes: CheckoutFakes, builder: OrderBuilder = anOrder()): Promise<Order> {
  const order = builder.build();
  await fakes.placement.place(order.id, undefined, async () => order);
  await fakes.placement.settled();
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
