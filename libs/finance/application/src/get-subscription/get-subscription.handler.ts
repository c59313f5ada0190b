import { SubscriptionNotFound } from '@bazaar/finance-domain';
import { SubscriptionDetails, SubscriptionQueries } from '../ports/subscription-queries';
import { GetSubscription } from './get-subscription.query';

/** One subscription with its invoices; an unknown id is SubscriptionNotFound. */
export class GetSubscriptionHandler {
  constructor(private readonly subscriptions: SubscriptionQueries) {}

  async execute(query: GetSubscription): Promise<SubscriptionDetails> {
    const subscription = await this.subscriptions.byId(query.subscriptionId);
    if (!subscription) throw new SubscriptionNotFound(query.subscriptionId);
    return subscription;
  }
}
