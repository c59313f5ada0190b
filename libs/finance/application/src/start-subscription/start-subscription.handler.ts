import { BillingAccount, BillingAccounts, PeriodLength, PlanCatalogue, Subscription, Subscriptions } from '@bazaar/finance-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { PeriodInvoicing } from '../shared/period-invoicing';
import { StartSubscription } from './start-subscription.command';

/**
 * Starts a seller's subscription and invoices its first period, in one unit of work; the seller's
 * billing account is opened first if they have none (a new aggregate, so nothing else contends for
 * it; two first subscriptions of one seller at the same instant: one is a ConcurrencyConflict).
 * Answers the subscription's id.
 */
export class StartSubscriptionHandler {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly accounts: BillingAccounts,
    private readonly invoicing: PeriodInvoicing,
    private readonly catalogue: PlanCatalogue,
    private readonly periodLength: PeriodLength,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: StartSubscription): Promise<string> {
    const plan = this.catalogue.plan(command.plan);
    return this.unitOfWork.run(async () => {
      const now = this.clock.now();
      let account = await this.accounts.ofSeller(command.sellerId);
      if (!account) {
        account = BillingAccount.open({ id: this.ids.next(), sellerId: command.sellerId, paymentMethodRef: command.paymentMethodRef ?? 'invoice', openedAt: now });
        await this.accounts.add(account);
      }
      const subscription = Subscription.start({ id: this.ids.next(), sellerId: command.sellerId, plan, periodLength: this.periodLength, now });
      await this.subscriptions.save(subscription);
      await this.invoicing.invoice(subscription, account.id, subscription.currentPeriod, now);
      return subscription.id;
    });
  }
}
