import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListRevenueEventsForOrderHandler } from '@bazaar/finance-application';
import { Allow, openApiSchema } from '@bazaar/platform-service';
import { listRevenueEventsQuery, revenueEventsResponse } from './revenue-events.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { ListRevenueEventsQuery, RevenueEventsResponse } from './revenue-events.schemas';

@ApiTags('revenue-events')
@Allow('finance')
@Controller('revenue-events')
export class RevenueEventsController {
  constructor(private readonly listRevenueEvents: ListRevenueEventsForOrderHandler) {}

  @Get()
  @ApiOperation({
    summary: "An order's revenue ledger entries (deferred, recognized, reversal) with their double-entry lines and what each refers to (an empty list when none yet)",
  })
  @ApiQuery({ name: 'orderId', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: openApiSchema(revenueEventsResponse) })
  @ApiBadRequestResponse({ description: '`invalid_request` problem: orderId is missing or not a UUID' })
  async forOrder(@Query({ schema: listRevenueEventsQuery }) query: ListRevenueEventsQuery): Promise<RevenueEventsResponse> {
    const entries = await this.listRevenueEvents.execute({ orderId: query.orderId });
    return {
      revenueEvents: entries.map(({ recordedAt, amount, lines, ...entry }) => ({
        ...entry,
        amount: { ...amount },
        recordedAt: recordedAt.toISOString(),
        lines: lines.map(({ account, side, amount }) => ({ account, side, amount: { ...amount } })),
      })),
    };
  }
}
