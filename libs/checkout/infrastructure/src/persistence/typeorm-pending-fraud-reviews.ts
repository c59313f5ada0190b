import { PendingFraudReview, PendingFraudReviews } from '@bazaar/checkout-application';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';

interface PendingReviewRow {
  id: string;
  buyer_id: string;
  total_amount: string;
  total_currency: string;
  fraud_score: number;
  fraud_reasons: string[];
  fraud_requested_at: Date;
}

/** The analysts' queue, read straight from `orders` on its partial index: in review, undecided, oldest first. */
export class TypeOrmPendingFraudReviews extends PendingFraudReviews {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async list(limit: number): Promise<PendingFraudReview[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT id, buyer_id, total_amount, total_currency, fraud_score, fraud_reasons, fraud_requested_at FROM orders
       WHERE status = 'awaiting_fraud_review' AND fraud_decision IS NULL
       ORDER BY fraud_requested_at, id LIMIT $1`,
      [limit],
    )) as PendingReviewRow[];
    return rows.map((row) => ({
      orderId: row.id,
      buyerId: row.buyer_id,
      total: money(Number(row.total_amount), row.total_currency),
      score: row.fraud_score,
      reasons: row.fraud_reasons,
      requestedAt: row.fraud_requested_at,
    }));
  }
}
