import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CancelOrderHandler, GetOrderHandler, PlaceOrderHandler } from '@bazaar/checkout-application';
import { OrderStatus } from '@bazaar/checkout-domain';
import { openApiSchema } from '@bazaar/platform-service';
import { idempotencyKeyHeader, idempotentRequest, IdempotencyScope } from './idempotency';
import { orderResponse, OrderResponse, placedOrderResponse, toOrderResponse } from './order.response';
import { knownPaymentToken } from './payment-token';
import { placeOrderRequest, type PlaceOrderRequest } from './place-order.request';
import { ApiProblem, orderRuleCodes } from './problem.responses';

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly getOrder: GetOrderHandler,
    private readonly cancelOrder: CancelOrderHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Express checkout: place an order in one request' })
  @ApiHeader(idempotencyKeyHeader)
  @ApiBody({ schema: openApiSchema(placeOrderRequest) })
  @ApiCreatedResponse({ description: 'The order was placed (or, for a repeated key, had been)', schema: openApiSchema(placedOrderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(422, [...orderRuleCodes, 'unknown_payment_token', 'idempotency_key_reused'])
  async place(
    @Body({ schema: placeOrderRequest }) body: PlaceOrderRequest,
    @Headers('idempotency-key') key: string | undefined,
    @IdempotencyScope() scope: string,
  ): Promise<{ orderId: string; status: OrderStatus }> {
    const orderId = await this.placeOrder.execute({ ...body, paymentToken: knownPaymentToken(body.paymentToken), idempotency: idempotentRequest(key, body, scope) });
    // A repeated key answers what the first request answered.
    return { orderId, status: 'placed' };
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'The order in Checkout’s language: status, lines, totals, payment, fraud review and its process' })
  @ApiOkResponse({ schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['order_not_found'])
  async get(@Param('orderId', { schema: z.uuid() }) orderId: string): Promise<OrderResponse> {
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }

  @Post(':orderId/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The buyer cancels the order; any authorization is voided. Refused once dispatched.' })
  @ApiOkResponse({ description: 'The order, cancelled (cancelling again answers the same)', schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['order_already_dispatched', 'order_already_cancelled', 'concurrency_conflict'])
  async cancel(@Param('orderId', { schema: z.uuid() }) orderId: string): Promise<OrderResponse> {
    await this.cancelOrder.execute({ orderId });
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }
}
