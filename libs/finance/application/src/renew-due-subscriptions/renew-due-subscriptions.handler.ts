import { BillingAccounts, Subscriptions } from '@bazaar/finance-domain';
import { Clock } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { PeriodInvoicing } from '../shared/period-invoicing';
import { RenewDueSubscriptions } from './renew-due-subscriptions.command';

/**
 * The renewal rule, driven by the clock: each due subscription moves into its next period and the
 * period is invoiced, one subscription per unit of work. A subscription several periods behind is
 * taken again until it is current. Replicas share the work: each takes the next due subscription
 * that no other holds. Answers how many periods were renewed.
 */
export class RenewDueSubscriptionsHandler {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly accounts: BillingAccounts,
    private readonly invoicing: PeriodInvoicing,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ limit }: RenewDueSubscriptions): Promise<number> {
    let renewed = 0;
    while (renewed < limit && (await this.renewNext())) renewed++;
    return renewed;
  }

  private renewNext(): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const subscription = await this.subscriptions.nextDue(now);
      if (!subscription) return false;
      const account = await this.accounts.ofSeller(subscription.sellerId);
      if (!account) throw new Error(`Seller ${subscription.sellerId} of subscription ${subscription.id} has no billing account`);
      const period = subscription.renew(now);
      await this.subscriptions.save(subscription);
      await this.invoicing.invoice(subscription, account.id, period, now);
      return true;
    });
  }
}
