import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CancelSubscriptionHandler, GetSubscriptionHandler, StartSubscriptionHandler } from '@bazaar/finance-application';
import { Allow, ApiProblem, type Caller, openApiSchema, VerifiedCaller } from '@bazaar/platform-service';
import { assertOwnSubscription, assertSubscribingSelf } from './ownership';
import { startSubscriptionRequest, subscriptionResponse, toSubscriptionResponse } from './subscriptions.schemas';
// Types only: decorator metadata must not reference them at runtime.
import type { StartSubscriptionRequest, SubscriptionResponse } from './subscriptions.schemas';

const subscriptionIdParameter = { schema: z.uuid() };

/** Sellers' subscriptions to Bazaar's plans: started, read, cancelled; renewed by Finance's clock. A seller reaches only their own (another's answers 404). */
@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly startSubscription: StartSubscriptionHandler,
    private readonly getSubscription: GetSubscriptionHandler,
    private readonly cancelSubscription: CancelSubscriptionHandler,
  ) {}

  @Post()
  @Allow('seller')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Subscribe a seller to a plan: the first period starts now and is invoiced; the seller’s billing account opens with their first subscription' })
  @ApiBody({ schema: openApiSchema(startSubscriptionRequest) })
  @ApiCreatedResponse({ schema: openApiSchema(subscriptionResponse) })
  @ApiProblem(400, ['invalid_request', 'malformed_json'])
  @ApiProblem(403, ['seller_mismatch'])
  @ApiProblem(409, ['concurrency_conflict'])
  @ApiProblem(422, ['plan_unknown', 'payment_method_ref_invalid', 'subscription_seller_missing'])
  async start(@Body({ schema: startSubscriptionRequest }) body: StartSubscriptionRequest, @VerifiedCaller() caller: Caller): Promise<SubscriptionResponse> {
    assertSubscribingSelf(caller, body.sellerId);
    const subscriptionId = await this.startSubscription.execute(body);
    return toSubscriptionResponse(await this.getSubscription.execute({ subscriptionId }));
  }

  @Get(':subscriptionId')
  @Allow('seller', 'finance')
  @ApiOperation({ summary: 'A subscription: plan, status, current period, billing account and the invoice of every period' })
  @ApiOkResponse({ schema: openApiSchema(subscriptionResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['subscription_not_found'])
  async get(@Param('subscriptionId', subscriptionIdParameter) subscriptionId: string, @VerifiedCaller() caller: Caller): Promise<SubscriptionResponse> {
    const subscription = await this.getSubscription.execute({ subscriptionId });
    assertOwnSubscription(caller, subscription, ['finance']);
    return toSubscriptionResponse(subscription);
  }

  @Post(':subscriptionId/cancel')
  @Allow('seller')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel: the current period runs out and no other is invoiced' })
  @ApiOkResponse({ schema: openApiSchema(subscriptionResponse) })
  @ApiProblem(400, ['invalid_request'])
  @ApiProblem(404, ['subscription_not_found'])
  @ApiProblem(409, ['subscription_already_cancelled', 'concurrency_conflict'])
  async cancel(@Param('subscriptionId', subscriptionIdParameter) subscriptionId: string, @VerifiedCaller() caller: Caller): Promise<SubscriptionResponse> {
    assertOwnSubscription(caller, await this.getSubscription.execute({ subscriptionId }));
    await this.cancelSubscription.execute({ subscriptionId });
    return toSubscriptionResponse(await this.getSubscription.execute({ subscriptionId }));
  }
}
