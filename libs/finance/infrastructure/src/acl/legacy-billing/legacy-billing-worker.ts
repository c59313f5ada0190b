import { Inject, Injectable } from '@nestjs/common';
import { PeriodicTasks } from '@bazaar/platform-service';
import { FinanceSettings } from '../../finance-settings';
import { LegacyBillingConfirmations } from './legacy-billing-confirmations';
import { LegacyBillingDispatcher } from './legacy-billing-dispatcher';

/** Drives the anticorruption layer: sends what is queued, then reads the legacy journal of confirmations. */
@Injectable()
export class LegacyBillingWorker {
  constructor(
    private readonly dispatcher: LegacyBillingDispatcher,
    private readonly confirmations: LegacyBillingConfirmations,
    @Inject(FinanceSettings) private readonly settings: FinanceSettings,
    tasks: PeriodicTasks,
  ) {
    tasks.every(settings.legacyBilling.pollIntervalMs, 'legacy billing', () => this.exchange());
  }

  /** One exchange; more is waiting when the batch was full or the journal had news. */
  private async exchange(): Promise<boolean> {
    const sent = await this.dispatcher.dispatchOnce();
    const confirmed = await this.confirmations.readJournalOnce();
    return sent === this.settings.legacyBilling.batchSize || confirmed > 0;
  }
}
