import { FraudPolicy, orderId, Orders } from '@bazaar/checkout-domain';
import { Intake, OrderProcessRunner } from '../order-process/order-process-runner';
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

  /** `intake`: a consumer's inbox, so the decision commits with the message's mark. */
  async execute(command: ScreenOrder, intake?: Intake): Promise<void> {
    const order = await loadOrder(this.orders, orderId(command.orderId));
    // Counted from when the order was placed, so a replay long after scores the same window.
    const recentOrdersByBuyer = await this.history.countSince(order.buyerId, this.policy.velocityWindowStart(order.placedAt));
    // An erased buyer has no order left to screen (erasure waits for their orders to end); a replay scores no country.
    const shippingCountry = order.shippingAddress?.country ?? '';
    const assessment = this.policy.assess({ total: order.total, shippingCountry, recentOrdersByBuyer });
    await this.runner.tell(order.id, { type: 'Screened', assessment }, intake);
  }
}
