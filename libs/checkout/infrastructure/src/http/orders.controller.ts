import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CancelOrderHandler, GetOrderHandler, ListBuyerOrdersHandler, OrderDetails, PlaceOrderHandler } from '@bazaar/checkout-application';
import { OrderNotFound, OrderStatus } from '@bazaar/checkout-domain';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
// Types only: decorator metadata must not reference them at runtime.
import { idempotencyKeyHeader, idempotentRequest } from './idempotency';
import { assertVisible, buyerFor } from './ownership';
import { knownPaymentToken } from './payment-token';
import {
  buyerOrdersResponse,
  listBuyerOrdersQuery,
  orderResponse,
  placedOrderResponse,
  placeOrderRequest,
  toBuyerOrdersResponse,
  toOrderResponse,
  type BuyerOrdersResponse,
  type ListBuyerOrdersQuery,
  type OrderResponse,
  type PlaceOrderRequest,
} from './orders.schemas';
import { orderRuleCodes } from './order-rule-codes';

/** A buyer's own orders; analysts and support read anyone's. Another buyer's order answers 404, as a missing one does. */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly getOrder: GetOrderHandler,
    private readonly cancelOrder: CancelOrderHandler,
    private readonly listBuyerOrders: ListBuyerOrdersHandler,
  ) {}

  @Post()
  @Allow('buyer')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Express checkout: place an order in one request, for the caller' })
  @ApiHeader(idempotencyKeyHeader)
  @ApiBody({ schema: openApiSchema(placeOrderRequest) })
  @ApiCreatedResponse({ description: 'The order was placed (or, for a repeated key, had been)', schema: openApiSchema(placedOrderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(403, ['buyer_mismatch'])
  @ApiProblem(422, [...orderRuleCodes, 'unknown_payment_token', 'idempotency_key_reused'])
  async place(
    @Body({ schema: placeOrderRequest }) body: PlaceOrderRequest,
    @Headers('idempotency-key') key: string | undefined,
    @VerifiedCaller() caller: Caller,
  ): Promise<{ orderId: string; status: OrderStatus }> {
    const order = { ...body, buyerId: buyerFor(caller, body.buyerId) };
    const orderId = await this.placeOrder.execute({ ...order, paymentToken: knownPaymentToken(body.paymentToken), idempotency: idempotentRequest(key, order, caller.subject) });
    // A repeated key answers what the first request answered.
    return { orderId, status: 'placed' };
  }

  @Get()
  @Allow('buyer')
  @ApiOperation({ summary: 'The caller’s own orders, newest first, a page at a time' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' }, description: 'The `nextCursor` of the previous page' })
  @ApiOkResponse({ schema: openApiSchema(buyerOrdersResponse) })
  @ApiProblem(400, ['invalid_request'])
  async list(@Query({ schema: listBuyerOrdersQuery }) query: ListBuyerOrdersQuery, @VerifiedCaller() caller: Caller): Promise<BuyerOrdersResponse> {
    const page = await this.listBuyerOrders.execute({ buyerId: caller.subject, limit: query.limit, ...(query.cursor && { after: query.cursor }) });
    return toBuyerOrdersResponse(page);
  }

  @Get(':orderId')
  @Allow('buyer', 'risk-analyst', 'support')
  @ApiOperation({ summary: 'The order in Checkout’s language: status, lines, totals, payment, fraud review and its process' })
  @ApiOkResponse({ schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['order_not_found'])
  async get(@Param('orderId', { schema: z.uuid() }) orderId: string, @VerifiedCaller() caller: Caller): Promise<OrderResponse> {
    const order = await this.getOrder.execute({ orderId });
    assertVisible(caller, order.buyerId, () => new OrderNotFound(orderId), ['risk-analyst', 'support']);
    return toOrderResponse(order);
  }

  @Post(':orderId/cancel')
  @Allow('buyer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The buyer cancels their order; any authorization is voided. Refused once dispatched.' })
  @ApiOkResponse({ description: 'The order, cancelled (cancelling again answers the same)', schema: openApiSchema(orderResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['order_not_found'])
  @ApiProblem(409, ['order_already_dispatched', 'order_already_cancelled', 'concurrency_conflict'])
  async cancel(@Param('orderId', { schema: z.uuid() }) orderId: string, @VerifiedCaller() caller: Caller): Promise<OrderResponse> {
    await this.ownOrder(orderId, caller);
    await this.cancelOrder.execute({ orderId });
    return toOrderResponse(await this.getOrder.execute({ orderId }));
  }

  private async ownOrder(orderId: string, caller: Caller): Promise<OrderDetails> {
    const order = await this.getOrder.execute({ orderId });
    assertVisible(caller, order.buyerId, () => new OrderNotFound(orderId));
    return order;
  }
}
