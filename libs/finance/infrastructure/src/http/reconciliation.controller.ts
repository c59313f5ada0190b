import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetReconciliationHandler } from '@bazaar/finance-application';
import { Allow, openApiSchema } from '@bazaar/platform-service';
import { reconciliationResponse } from './subscriptions.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { ReconciliationResponse } from './subscriptions.schemas';

@ApiTags('reconciliation')
@Allow('finance')
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: GetReconciliationHandler) {}

  @Get()
  @ApiOperation({ summary: 'Seller invoices whose lines the books of record (the legacy billing system) have not all confirmed, oldest first, with their age' })
  @ApiOkResponse({ schema: openApiSchema(reconciliationResponse) })
  async get(): Promise<ReconciliationResponse> {
    const { asOf, invoices } = await this.reconciliation.execute();
    return {
      asOf: asOf.toISOString(),
      invoices: invoices.map((invoice) => ({ ...invoice, total: { ...invoice.total }, issuedAt: invoice.issuedAt.toISOString() })),
    };
  }
}
