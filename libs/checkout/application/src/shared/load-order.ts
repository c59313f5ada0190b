import { Order, OrderId, OrderNotFound, Orders } from '@bazaar/checkout-domain';

export async function loadOrder(orders: Orders, id: OrderId): Promise<Order> {
  const order = await orders.byId(id);
  if (!order) throw new OrderNotFound(id);
  return order;
}
