import { FraudAssessment, FraudPolicy, Order } from '@bazaar/checkout-domain';
import { BuyerOrderHistory } from '../ports/buyer-order-history';

/** Scores a new order with the fraud policy: what its process begins with. */
export class OrderScreening {
  constructor(
    private readonly history: BuyerOrderHistory,
    private readonly policy: FraudPolicy,
  ) {}

  /** Before the order is written: the buyer's recent orders are those stored, and this one. */
  async assess(order: Order): Promise<FraudAssessment> {
    const recentOrdersByBuyer = (await this.history.countSince(order.buyerId, this.policy.velocityWindowStart(order.placedAt))) + 1;
    // The address is there: an order is placed with one, and erased only after it ended.
    const shippingCountry = order.shippingAddress?.country ?? '';
    return this.policy.assess({ total: order.total, shippingCountry, recentOrdersByBuyer });
  }
}
