import { PendingFraudReview, PendingFraudReviews } from '../ports/pending-fraud-reviews';
import { ListPendingFraudReviews } from './list-pending-fraud-reviews.query';

const DEFAULT_LIMIT = 100;

export class ListPendingFraudReviewsHandler {
  constructor(private readonly reviews: PendingFraudReviews) {}

  execute(query: ListPendingFraudReviews): Promise<PendingFraudReview[]> {
    return this.reviews.list(query.limit ?? DEFAULT_LIMIT);
  }
}
