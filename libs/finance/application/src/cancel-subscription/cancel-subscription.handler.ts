import { Subscriptions } from '@bazaar/finance-domain';
import { Clock } from '@bazaar/shared-kernel';
import { CancelSubscription } from './cancel-subscription.command';

/** Cancels a subscription once (SubscriptionAlreadyCancelled the second time; SubscriptionNotFound for an unknown id). */
export class CancelSubscriptionHandler {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelSubscription): Promise<void> {
    const subscription = await this.subscriptions.get(command.subscriptionId);
    subscription.cancel(this.clock.now());
    await this.subscriptions.save(subscription);
  }
}
