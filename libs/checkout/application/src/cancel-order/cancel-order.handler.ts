import { orderId, Orders } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { loadOrder } from '../shared/load-order';
import { CancelOrder } from './cancel-order.command';

/**
 * The buyer's cancel is decided by the order's process, where it meets dispatch and every other
 * piece of news in version order: after dispatch it is refused (409 `order_already_dispatched`),
 * before it the order is cancelled and any authorization voided.
 */
export class CancelOrderHandler {
  constructor(
    private readonly orders: Orders,
    private readonly runner: OrderProcessRunner,
  ) {}

  async execute(command: CancelOrder): Promise<void> {
    const order = await loadOrder(this.orders, orderId(command.orderId));
    await this.runner.tell(order.id, { type: 'BuyerCancelled' });
  }
}
