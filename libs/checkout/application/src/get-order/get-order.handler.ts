import { orderId, OrderNotFound, Orders } from '@bazaar/checkout-domain';
import { GetOrder } from './get-order.query';
import { detailsOf, OrderDetails } from './order-details';

export class GetOrderHandler {
  constructor(private readonly orders: Orders) {}

  async execute(query: GetOrder): Promise<OrderDetails> {
    const order = await this.orders.byId(orderId(query.orderId));
    if (!order) throw new OrderNotFound(query.orderId);
    return detailsOf(order);
  }
}
