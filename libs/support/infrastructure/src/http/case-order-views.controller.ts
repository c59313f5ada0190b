import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema } from '@bazaar/platform-service';
import { GetCaseOrderViewHandler } from '@bazaar/support-application';
import { caseOrderViewResponse, CaseOrderViewResponse, toResponse } from './case-order-view.response';

const problem = { 'application/problem+json': { schema: { type: 'object' } } };

@ApiTags('case order views')
@Controller('case-order-views')
export class CaseOrderViewsController {
  constructor(private readonly getCaseOrderView: GetCaseOrderViewHandler) {}

  @Get(':orderId')
  @ApiOperation({ summary: 'The support view of an order, with the timeline of every event about it' })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiResponse({ status: 200, schema: openApiSchema(caseOrderViewResponse) })
  @ApiResponse({ status: 400, description: 'invalid_request: the order id is not a UUID', content: problem })
  @ApiResponse({ status: 404, description: 'case_order_view_not_found: no event about this order yet', content: problem })
  async get(@Param('orderId', { schema: z.uuid() }) orderId: string): Promise<CaseOrderViewResponse> {
    return toResponse(await this.getCaseOrderView.execute({ orderId }));
  }
}
