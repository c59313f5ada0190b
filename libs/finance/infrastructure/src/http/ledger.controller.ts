import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetTrialBalanceHandler } from '@bazaar/finance-application';
import { Allow, openApiSchema } from '@bazaar/platform-service';
import { trialBalanceResponse } from './ledger.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { TrialBalanceResponse } from './ledger.schemas';

@ApiTags('ledger')
@Allow('finance')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly getTrialBalance: GetTrialBalanceHandler) {}

  @Get('balance')
  @ApiOperation({ summary: 'The trial balance: debits and credits of every ledger account, and totals per currency, at one moment' })
  @ApiOkResponse({ schema: openApiSchema(trialBalanceResponse) })
  async balance(): Promise<TrialBalanceResponse> {
    const { accounts, totals } = await this.getTrialBalance.execute();
    return {
      accounts: accounts.map((account) => ({ ...account, balance: account.debits - account.credits })),
      totals: totals.map((total) => ({ ...total, balanced: total.debits === total.credits })),
    };
  }
}
