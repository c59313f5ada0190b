import { orderId, Orders } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { loadOrder } from '../shared/load-order';
import { DecideFraudReview } from './decide-fraud-review.command';

/**
 * The decision goes to the order's process first (409 `fraud_review_not_pending` when there is
 * nothing to decide), which records it on the order and goes on: payment, or cancellation. The
 * four-eyes rule is checked before anything moves: the buyer never decides their own review (403).
 */
export class DecideFraudReviewHandler {
  constructor(
    private readonly orders: Orders,
    private readonly runner: OrderProcessRunner,
  ) {}

  async execute(command: DecideFraudReview): Promise<void> {
    const order = await loadOrder(this.orders, orderId(command.orderId));
    order.assertReviewableBy(command.analyst);
    const decision = command.decision === 'approve' ? 'approved' : 'rejected';
    const attribution = { by: command.analyst, reason: command.reason };
    await this.runner.tell(order.id, { type: 'FraudReviewDecided', decision, attribution });
  }
}
