import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DecideFraudReviewHandler, GetOrderHandler, ListPendingFraudReviewsHandler } from '@bazaar/checkout-application';
import { openApiSchema } from '@bazaar/platform-service';
import { pendingFraudReviewsResponse, PendingFraudReviewsResponse, toPendingFraudReviewsResponse } from './fraud-review.response';
import { orderResponse, OrderResponse, toOrderResponse } from './order.response';
import { ApiProblem } from './problem.responses';

const orderIdParameter = { schema: z.uuid() };

/** The risk analysts' side of fraud screening: the queue, and a decision per order. */
@ApiTags('fraud-reviews')
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
  @ApiOperation({ summary: 'Approve: the order goes on to payment' })
  @ApiOkResponse({ description: 'The order after the decision', schema: openApiSchema(orderResponse) })
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['fraud_review_not_pending', 'concurrency_conflict'])
  approve(@Param('orderId', orderIdParameter) orderId: string): Promise<OrderResponse> {
    return this.decided(orderId, 'approve');
  }

  @Post(':orderId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject: the order is cancelled (fraud_rejected)' })
  @ApiOkResponse({ description: 'The order after the decision', schema: openApiSchema(orderResponse) })
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['fraud_review_not_pending', 'concurrency_conflict'])
  reject(@Param('orderId', orderIdParameter) orderId: string): Promise<OrderResponse> {
    return this.decided(orderId, 'reject');
  }

  private async decided(orderId: string, decision: 'approve' | 'reject'): Promise<OrderResponse> {
    await this.decide.execute({ orderId, decision });
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }
}
