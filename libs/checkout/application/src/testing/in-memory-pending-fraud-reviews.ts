import { PendingFraudReview, PendingFraudReviews } from '../ports/pending-fraud-reviews';
import { InMemoryOrders } from './in-memory-orders';

/** Answers from the fake orders, as the real adapter would from the orders table. */
export class InMemoryPendingFraudReviews extends PendingFraudReviews {
  constructor(private readonly orders: InMemoryOrders) {
    super();
  }

  async list(limit: number): Promise<PendingFraudReview[]> {
    return this.orders
      .all()
      .flatMap((order) => {
        const review = order.fraudReview;
        if (order.status !== 'awaiting_fraud_review' || !review || review.decision) return [];
        const { score, reasons, requestedAt } = review;
        return [{ orderId: order.id, buyerId: order.buyerId, total: order.total, score, reasons, requestedAt }];
      })
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
      .slice(0, limit);
  }
}
