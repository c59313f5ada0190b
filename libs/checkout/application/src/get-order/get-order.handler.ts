import { OrderNotFound } from '@bazaar/checkout-domain';
import { OrderDetails, OrderQueries } from '../ports/order-queries';
import { GetOrder } from './get-order.query';

/** The order and where its process stands; an unknown id is OrderNotFound. */
export class GetOrderHandler {
  constructor(private readonly orders: OrderQueries) {}

  async execute(query: GetOrder): Promise<OrderDetails> {
    const order = await this.orders.byId(query.orderId);
    if (!order) throw new OrderNotFound(query.orderId);
    return order;
  }
}
