import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DecideFraudReviewHandler, GetOrderHandler, ListPendingFraudReviewsHandler } from '@bazaar/checkout-application';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import { pendingFraudReviewsResponse, PendingFraudReviewsResponse, toPendingFraudReviewsResponse } from './fraud-reviews.schemas';
import { orderResponse, OrderResponse, toOrderResponse } from './orders.schemas';

const orderIdParameter = { schema: z.uuid() };

/** Every decision is explained: the reason is kept with it on the order and in its event. */
export const decisionRequest = z.strictObject({ reason: z.string().trim().min(1).max(1000).describe('Why, in the analyst’s words') });
export type DecisionRequest = z.output<typeof decisionRequest>;

/** The risk analysts' side of fraud screening: the queue, and a decision per order (never on their own order). */
@ApiTags('fraud-reviews')
@Allow('risk-analyst')
@Controller('fraud-reviews')
export class FraudReviewsController {
  constructor(
    private readonly listPending: ListPendingFraudReviewsHandler,
    private readonly decide: DecideFraudReviewHandler,
    private readonly getOrder: GetOrderHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Orders waiting for a risk analyst, oldest request first' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending'], description: 'Only pending reviews are listed (the default)' })
  @ApiOkResponse({ schema: openApiSchema(pendingFraudReviewsResponse) })
  @ApiProblem(400, ['invalid_request'])
  async list(@Query('status', { schema: z.literal('pending').default('pending') }) _status: 'pending'): Promise<PendingFraudReviewsResponse> {
    return toPendingFraudReviewsResponse(await this.listPending.execute({}));
  }

  @Post(':orderId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve, saying why: the order goes on to payment' })
  @ApiBody({ schema: openApiSchema(decisionRequest) })
  @ApiOkResponse({ description: 'The order after the decision', schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(403, ['fraud_review_by_buyer'])
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['fraud_review_not_pending', 'concurrency_conflict'])
  approve(@Param('orderId', orderIdParameter) orderId: string, @Body({ schema: decisionRequest }) body: DecisionRequest, @VerifiedCaller() caller: Caller): Promise<OrderResponse> {
    return this.decided(orderId, 'approve', body.reason, caller);
  }

  @Post(':orderId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject, saying why: the order is cancelled (fraud_rejected)' })
  @ApiBody({ schema: openApiSchema(decisionRequest) })
  @ApiOkResponse({ description: 'The order after the decision', schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(403, ['fraud_review_by_buyer'])
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['fraud_review_not_pending', 'concurrency_conflict'])
  reject(@Param('orderId', orderIdParameter) orderId: string, @Body({ schema: decisionRequest }) body: DecisionRequest, @VerifiedCaller() caller: Caller): Promise<OrderResponse> {
    return this.decided(orderId, 'reject', body.reason, caller);
  }

  private async decided(orderId: string, decision: 'approve' | 'reject', reason: string, caller: Caller): Promise<OrderResponse> {
    await this.decide.execute({ orderId, decision, analyst: caller.subject, reason });
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }
}
