import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CartDetails, CheckOutCartHandler, CreateCartHandler, GetCartHandler, RemoveCartLineHandler, SetCartLineHandler } from '@bazaar/checkout-application';
import { CartNotFound, OrderStatus } from '@bazaar/checkout-domain';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import {
  cartResponse,
  type CartResponse,
  createdCartResponse,
  toCartResponse,
  checkOutCartRequest,
  type CheckOutCartRequest,
  createCartRequest,
  type CreateCartRequest,
  setCartLineRequest,
  type SetCartLineRequest,
  skuParameter,
} from './carts.schemas';
import { idempotencyKeyHeader, idempotentRequest } from './idempotency';
import { placedOrderResponse } from './orders.schemas';
import { assertVisible, buyerFor } from './ownership';
import { knownPaymentToken } from './payment-token';
import { orderRuleCodes } from './order-rule-codes';

const cartIdParameter = { schema: z.uuid() };

/** A buyer's own carts; another buyer's cart answers 404, as a missing one does. */
@ApiTags('carts')
@Allow('buyer')
@Controller('carts')
export class CartsController {
  constructor(
    private readonly createCart: CreateCartHandler,
    private readonly setLine: SetCartLineHandler,
    private readonly removeLine: RemoveCartLineHandler,
    private readonly getCart: GetCartHandler,
    private readonly checkOut: CheckOutCartHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a cart for a buyer, in one currency' })
  @ApiBody({ schema: openApiSchema(createCartRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(createdCartResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(403, ['buyer_mismatch'])
  @ApiProblem(422, ['currency_not_accepted'])
  async create(@Body({ schema: createCartRequest }) body: CreateCartRequest, @VerifiedCaller() caller: Caller): Promise<{ cartId: string }> {
    return { cartId: await this.createCart.execute({ ...body, buyerId: buyerFor(caller, body.buyerId) }) };
  }

  @Get(':cartId')
  @ApiOperation({ summary: 'The cart, its lines and total' })
  @ApiOkResponse({ schema: openApiSchema(cartResponse) })
  @ApiProblem(404, ['cart_not_found'])
  async get(@Param('cartId', cartIdParameter) cartId: string, @VerifiedCaller() caller: Caller): Promise<CartResponse> {
    return toCartResponse(await this.ownCart(cartId, caller));
  }

  @Put(':cartId/lines/:sku')
  @ApiOperation({ summary: 'Add the line for a SKU, or change its quantity and unit price' })
  @ApiBody({ schema: openApiSchema(setCartLineRequest) })
  @ApiOkResponse({ description: 'The cart as it now is', schema: openApiSchema(cartResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(404, ['cart_not_found'])
  @ApiProblem(409, ['cart_already_checked_out', 'concurrency_conflict'])
  @ApiProblem(422, ['order_line_limit_exceeded', 'invalid_quantity', 'mixed_currencies', 'non_positive_price'])
  async putLine(
    @Param('cartId', cartIdParameter) cartId: string,
    @Param('sku', { schema: skuParameter }) sku: string,
    @Body({ schema: setCartLineRequest }) body: SetCartLineRequest,
    @VerifiedCaller() caller: Caller,
  ): Promise<CartResponse> {
    await this.ownCart(cartId, caller);
    await this.setLine.execute({ cartId, sku, ...body });
    return this.get(cartId, caller);
  }

  @Delete(':cartId/lines/:sku')
  @ApiOperation({ summary: 'Remove the line for a SKU' })
  @ApiOkResponse({ description: 'The cart as it now is', schema: openApiSchema(cartResponse) })
  @ApiProblem(404, ['cart_not_found', 'cart_line_not_found'])
  @ApiProblem(409, ['cart_already_checked_out', 'concurrency_conflict'])
  async deleteLine(@Param('cartId', cartIdParameter) cartId: string, @Param('sku', { schema: skuParameter }) sku: string, @VerifiedCaller() caller: Caller): Promise<CartResponse> {
    await this.ownCart(cartId, caller);
    await this.removeLine.execute({ cartId, sku });
    return this.get(cartId, caller);
  }

  @Post(':cartId/checkout')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Check the cart out: it becomes an order, paid with the token, shipped to the address' })
  @ApiHeader(idempotencyKeyHeader)
  @ApiBody({ schema: openApiSchema(checkOutCartRequest) })
  @ApiCreatedResponse({ description: 'The order was placed (or, for a repeated key, had been)', schema: openApiSchema(placedOrderResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(404, ['cart_not_found'])
  @ApiProblem(409, ['cart_already_checked_out', 'cart_is_empty', 'concurrency_conflict'])
  @ApiProblem(422, [...orderRuleCodes, 'unknown_payment_token', 'idempotency_key_reused'])
  async checkout(
    @Param('cartId', cartIdParameter) cartId: string,
    @Body({ schema: checkOutCartRequest }) body: CheckOutCartRequest,
    @Headers('idempotency-key') key: string | undefined,
    @VerifiedCaller() caller: Caller,
  ): Promise<{ orderId: string; status: OrderStatus }> {
    await this.ownCart(cartId, caller);
    const paymentToken = knownPaymentToken(body.paymentToken);
    // The cart is part of what the key names: the same key on another cart is another request.
    const orderId = await this.checkOut.execute({ cartId, ...body, paymentToken, idempotency: idempotentRequest(key, { cartId, ...body }, caller.subject) });
    return { orderId, status: 'placed' };
  }

  /** The cart, if it is the caller's (an admin's: any); otherwise as missing. */
  private async ownCart(cartId: string, caller: Caller): Promise<CartDetails> {
    const cart = await this.getCart.execute({ cartId });
    assertVisible(caller, cart.buyerId, () => new CartNotFound(cartId));
    return cart;
  }
}
