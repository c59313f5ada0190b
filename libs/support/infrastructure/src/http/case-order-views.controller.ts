import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Allow, ApiProblem, openApiSchema } from '@bazaar/platform-service';
import { FindCaseOrderViewsHandler, GetCaseOrderViewHandler } from '@bazaar/support-application';
import { buyerOrdersResponse, caseOrderViewResponse, CaseOrderViewResponse, findViewsQuery, toBuyerOrdersResponse, toResponse } from './case-order-views.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { BuyerOrdersResponse, FindViewsQuery } from './case-order-views.schemas';

/** What Support knows of orders: for agents and risk analysts, not for buyers. */
@ApiTags('case order views')
@Allow('support', 'risk-analyst')
@Controller('case-order-views')
export class CaseOrderViewsController {
  constructor(
    private readonly getCaseOrderView: GetCaseOrderViewHandler,
    private readonly findCaseOrderViews: FindCaseOrderViewsHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: "A buyer's orders as Support knows them, newest first: find the order a call is about" })
  @ApiOkResponse({ schema: openApiSchema(buyerOrdersResponse) })
  @ApiProblem(400, ['invalid_request'])
  async find(@Query({ schema: findViewsQuery }) query: FindViewsQuery): Promise<BuyerOrdersResponse> {
    return toBuyerOrdersResponse(await this.findCaseOrderViews.execute({ buyerId: query.buyerId }));
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'The support view of an order, with the timeline of every event about it and its support cases' })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ schema: openApiSchema(caseOrderViewResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['case_order_view_not_found'])
  async get(@Param('orderId', { schema: z.uuid() }) orderId: string): Promise<CaseOrderViewResponse> {
    return toResponse(await this.getCaseOrderView.execute({ orderId }));
  }
}
