import { orderId, OrderProcesses, Orders } from '@bazaar/checkout-domain';
import { loadOrder } from '../shared/load-order';
import { GetOrder } from './get-order.query';
import { detailsOf, OrderDetails } from './order-details';

/**
 * Reads the order and its process (two aggregates, read, not changed). Between a process decision
 * and the order carrying it out the two may briefly differ; `process.pending` shows what is on its way.
 */
export class GetOrderHandler {
  constructor(
    private readonly orders: Orders,
    private readonly processes: OrderProcesses,
  ) {}

  async execute(query: GetOrder): Promise<OrderDetails> {
    const id = orderId(query.orderId);
    const order = await loadOrder(this.orders, id);
    return detailsOf(order, await this.processes.byId(id));
  }
}
