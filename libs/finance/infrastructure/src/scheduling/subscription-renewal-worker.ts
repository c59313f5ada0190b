import { Inject, Injectable } from '@nestjs/common';
import { RenewDueSubscriptionsHandler } from '@bazaar/finance-application';
import { JsonLogger, PeriodicTasks, SERVICE_LOGGER } from '@bazaar/platform-service';
import { FinanceSettings } from '../finance-settings';

const BATCH = 50;

/** The clock that drives renewals: every interval, each replica renews what is due and nobody else holds. */
@Injectable()
export class SubscriptionRenewalWorker {
  constructor(
    private readonly renew: RenewDueSubscriptionsHandler,
    @Inject(FinanceSettings) settings: FinanceSettings,
    @Inject(SERVICE_LOGGER) private readonly logger: JsonLogger,
    tasks: PeriodicTasks,
  ) {
    tasks.every(settings.subscriptions.renewalIntervalMs, 'subscription renewal', () => this.renewDue());
  }

  /** One batch; a full one means more may be due. */
  private async renewDue(): Promise<boolean> {
    const renewed = await this.renew.execute({ limit: BATCH });
    if (renewed > 0) this.logger.debug({ msg: 'subscriptions renewed', renewed });
    return renewed === BATCH;
  }
}
