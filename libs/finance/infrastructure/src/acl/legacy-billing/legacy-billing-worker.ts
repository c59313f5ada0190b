import { Inject, Injectable } from '@nestjs/common';
import { JsonLogger, SERVICE_LOGGER } from '@bazaar/platform-service';
import { FinanceSettings } from '../../finance-settings';
import { IntervalWorker } from '../../scheduling/interval-worker';
import { LegacyBillingConfirmations } from './legacy-billing-confirmations';
import { LegacyBillingDispatcher } from './legacy-billing-dispatcher';

/** Drives the anticorruption layer: sends what is queued, then reads the legacy journal of confirmations. */
@Injectable()
export class LegacyBillingWorker extends IntervalWorker {
  constructor(
    private readonly dispatcher: LegacyBillingDispatcher,
    private readonly confirmations: LegacyBillingConfirmations,
    @Inject(FinanceSettings) private readonly settings: FinanceSettings,
    @Inject(SERVICE_LOGGER) logger: JsonLogger,
  ) {
    super('legacy billing', settings.legacyBilling.pollIntervalMs, logger);
  }

  async tick(): Promise<boolean> {
    const sent = await this.dispatcher.dispatchOnce();
    const confirmed = await this.confirmations.readJournalOnce();
    return sent === this.settings.legacyBilling.batchSize || confirmed > 0;
  }
}
