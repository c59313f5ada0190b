import { TrialBalance } from '@bazaar/finance-domain';
import { LedgerQueries } from '../ports/ledger-queries';

/** Every account's debits and credits, and the totals per currency, at one moment. */
export class GetTrialBalanceHandler {
  constructor(private readonly ledger: LedgerQueries) {}

  execute(): Promise<TrialBalance> {
    return this.ledger.trialBalance();
  }
}
