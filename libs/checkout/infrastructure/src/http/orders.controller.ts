import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { GetOrderHandler, PlaceOrderHandler } from '@bazaar/checkout-application';
import { OrderStatus } from '@bazaar/checkout-domain';
import { openApiSchema } from '@bazaar/platform-service';
import { idempotentRequest } from './idempotency';
import { orderResponse, OrderResponse, placedOrderResponse, toOrderResponse } from './order.response';
import { placeOrderRequest, type PlaceOrderRequest } from './place-order.request';
import { ApiProblem } from './problem.responses';

const orderRuleCodes = ['order_has_no_lines', 'order_line_limit_exceeded', 'invalid_quantity', 'mixed_currencies', 'non_positive_price', 'duplicate_sku'];

@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly getOrder: GetOrderHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Express checkout: place an order in one request' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 200 characters. The same key and body answer the first order again; the same key with another body is refused (422).',
  })
  @ApiBody({ schema: openApiSchema(placeOrderRequest) })
  @ApiCreatedResponse({ description: 'The order was placed (or, for a repeated key, had been)', schema: openApiSchema(placedOrderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(422, [...orderRuleCodes, 'idempotency_key_reused'])
  async place(
    @Body({ schema: placeOrderRequest }) body: PlaceOrderRequest,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<{ orderId: string; status: OrderStatus }> {
    const orderId = await this.placeOrder.execute({ ...body, idempotency: idempotentRequest(key, body) });
    // A repeated key answers what the first request answered.
    return { orderId, status: 'placed' };
  }

  @Get(':orderId')
  @ApiOperation({ summary: 'The order in Checkout’s language' })
  @ApiOkResponse({ schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['order_not_found'])
  async get(@Param('orderId', { schema: z.uuid() }) orderId: string): Promise<OrderResponse> {
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }
}
