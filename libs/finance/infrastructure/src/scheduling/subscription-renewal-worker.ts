import { Inject, Injectable } from '@nestjs/common';
import { RenewDueSubscriptionsHandler } from '@bazaar/finance-application';
import { JsonLogger, SERVICE_LOGGER } from '@bazaar/platform-service';
import { FinanceSettings } from '../finance-settings';
import { IntervalWorker } from './interval-worker';

const BATCH = 50;

/** The clock that drives renewals: every interval, each replica renews what is due and nobody else holds. */
@Injectable()
export class SubscriptionRenewalWorker extends IntervalWorker {
  constructor(
    private readonly renew: RenewDueSubscriptionsHandler,
    @Inject(FinanceSettings) settings: FinanceSettings,
    @Inject(SERVICE_LOGGER) logger: JsonLogger,
  ) {
    super('subscription renewal', settings.subscriptions.renewalIntervalMs, logger);
  }

  async tick(): Promise<boolean> {
    const renewed = await this.renew.execute({ limit: BATCH });
    if (renewed > 0) this.logger.debug({ msg: 'subscriptions renewed', renewed });
    return renewed === BATCH;
  }
}
