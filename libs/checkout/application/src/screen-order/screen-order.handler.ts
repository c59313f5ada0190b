import { FraudPolicy, OrderId, orderId, Orders } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { BuyerOrderHistory } from '../ports/buyer-order-history';
import { loadOrder } from '../shared/load-order';
import { ScreenOrder } from './screen-order.command';

/**
 * Scores the order with the fraud policy and tells its process, which decides review or payment
 * and has it carried out. Screening twice decides nothing new: the process was screened once.
 */
export class ScreenOrderHandler {
  constructor(
    private readonly orders: Orders,
    private readonly history: BuyerOrderHistory,
    private readonly policy: FraudPolicy,
    private readonly runner: OrderProcessRunner,
  ) {}

  async execute(command: ScreenOrder): Promise<void> {
    await this.runner.carryOut(await this.decide(command));
  }

  /**
   * Scores the order and tells its process, without carrying out what it decided: what a consumer
   * runs inside its inbox transaction, carrying out (`runner.carryOut`) once that has committed.
   */
  async decide(command: ScreenOrder): Promise<OrderId> {
    const order = await loadOrder(this.orders, orderId(command.orderId));
    // Counted from when the order was placed, so a replay long after scores the same window.
    const recentOrdersByBuyer = await this.history.countSince(order.buyerId, this.policy.velocityWindowStart(order.placedAt));
    // An erased buyer has no order left to screen (erasure waits for their orders to end); a replay scores no country.
    const shippingCountry = order.shippingAddress?.country ?? '';
    const assessment = this.policy.assess({ total: order.total, shippingCountry, recentOrdersByBuyer });
    await this.runner.advance(order.id, { type: 'Screened', assessment });
    return order.id;
  }
}
