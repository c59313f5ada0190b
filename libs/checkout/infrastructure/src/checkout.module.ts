import { DynamicModule, Module } from '@nestjs/common';
import {
  BuyerOrderHistory,
  BuyerOrders,
  ListBuyerOrdersHandler,
  BuyerPersonalData,
  CartQueries,
  EraseBuyerPersonalDataHandler,
  CancelOrderHandler,
  CheckOutCartHandler,
  CreateCartHandler,
  DecideFraudReviewHandler,
  ExpireOrderProcessesHandler,
  GetCartHandler,
  GetOrderHandler,
  IdempotencyKeys,
  ListPendingFraudReviewsHandler,
  OrderPlacement,
  OrderProcessRunner,
  OrderQueries,
  OrderScreening,
  PendingFraudReviews,
  PlaceOrderHandler,
  RemoveCartLineHandler,
  ResumeOrderProcessesHandler,
  SetCartLineHandler,
  TakeFulfillmentAnswersHandler,
  UnitOfWork,
} from '@bazaar/checkout-application';
import { AcceptedCurrencies, Carts, FraudPolicy, OrderProcesses, Orders, PaymentGateway } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { built, builtAs } from '@bazaar/platform-service';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CheckoutSettings } from './checkout-settings';
import { BuyerPersonalDataController } from './http/buyer-personal-data.controller';
import { CartsController } from './http/carts.controller';
import { FraudReviewsController } from './http/fraud-reviews.controller';
import { OrdersController } from './http/orders.controller';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { IDEMPOTENCY_PURGE_INTERVAL, IdempotencyKeyPurge } from './persistence/idempotency-key-purge';
import { BuyerDataKeys } from './persistence/buyer-data-keys';
import { TypeOrmBuyerPersonalData } from './persistence/typeorm-buyer-personal-data';
import { TypeOrmBuyerOrderHistory } from './persistence/typeorm-buyer-order-history';
import { TypeOrmBuyerOrders } from './persistence/typeorm-buyer-orders';
import { TypeOrmCartQueries } from './persistence/typeorm-cart-queries';
import { TypeOrmCarts } from './persistence/typeorm-carts';
import { TypeOrmIdempotencyKeys } from './persistence/typeorm-idempotency-keys';
import { TypeOrmOrderProcesses } from './persistence/typeorm-order-processes';
import { TypeOrmOrderQueries } from './persistence/typeorm-order-queries';
import { TypeOrmOrders } from './persistence/typeorm-orders';
import { TypeOrmPendingFraudReviews } from './persistence/typeorm-pending-fraud-reviews';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';
import { ORDER_PROCESS_SWEEP_INTERVAL, OrderProcessWorker } from './process/order-process-worker';

/**
 * Checkout, wired by hand. Transactions, Outbox, Clock and IdGenerator come from the global
 * PlatformModule; the settings and the payment gateway (the sandbox unless given another) from
 * `checkoutService`.
 */
@Module({})
export class CheckoutModule {
  static with(settings: CheckoutSettings, gateway: PaymentGateway): DynamicModule {
    return {
      module: CheckoutModule,
      controllers: [
        // HTTP
        OrdersController,
        CartsController,
        FraudReviewsController,
        BuyerPersonalDataController,
        // Kafka
        FulfillmentEventsConsumer,
      ],
      providers: [
        // Adapters behind the ports
        { provide: BuyerDataKeys, useValue: new BuyerDataKeys(settings.personalDataKeys) },
        {
          provide: Orders,
          useFactory: (tx: Transactions, outbox: Outbox, keys: BuyerDataKeys) => new TypeOrmOrders(tx, outbox, keys, settings.personalDataSharingKeys),
          inject: [Transactions, Outbox, BuyerDataKeys],
        },
        builtAs(Carts, TypeOrmCarts, [Transactions]),
        { provide: OrderProcesses, useFactory: (tx: Transactions) => new TypeOrmOrderProcesses(tx, settings.worker.claimMs), inject: [Transactions] },
        { provide: IdempotencyKeys, useFactory: (tx: Transactions) => new TypeOrmIdempotencyKeys(tx, settings.idempotency.ttlSeconds), inject: [Transactions] },
        builtAs(UnitOfWork, TypeOrmUnitOfWork, [Transactions]),
        builtAs(BuyerOrderHistory, TypeOrmBuyerOrderHistory, [Transactions]),
        builtAs(OrderQueries, TypeOrmOrderQueries, [Transactions, BuyerDataKeys]),
        builtAs(CartQueries, TypeOrmCartQueries, [Transactions]),
        builtAs(BuyerOrders, TypeOrmBuyerOrders, [Transactions]),
        builtAs(PendingFraudReviews, TypeOrmPendingFraudReviews, [Transactions]),
        builtAs(BuyerPersonalData, TypeOrmBuyerPersonalData, [Transactions, Outbox]),
        { provide: PaymentGateway, useValue: gateway },
        // Policies and the process manager
        { provide: FraudPolicy, useValue: new FraudPolicy(settings.fraud) },
        { provide: AcceptedCurrencies, useValue: AcceptedCurrencies.of(settings.fraud) },
        {
          provide: OrderProcessRunner,
          useFactory: (processes: OrderProcesses, orders: Orders, payments: PaymentGateway, clock: Clock, unitOfWork: UnitOfWork) =>
            new OrderProcessRunner(processes, orders, payments, clock, settings.process, unitOfWork, settings.worker.carryOut),
          inject: [OrderProcesses, Orders, PaymentGateway, Clock, UnitOfWork],
        },
        built(OrderScreening, [BuyerOrderHistory, FraudPolicy]),
        built(OrderPlacement, [Orders, IdempotencyKeys, UnitOfWork, OrderScreening, OrderProcessRunner]),
        // Use cases: carts and placing orders
        built(CreateCartHandler, [Carts, Clock, IdGenerator, AcceptedCurrencies]),
        built(SetCartLineHandler, [Carts, Clock]),
        built(RemoveCartLineHandler, [Carts, Clock]),
        built(GetCartHandler, [CartQueries]),
        built(CheckOutCartHandler, [Carts, OrderPlacement, Clock, IdGenerator, AcceptedCurrencies]),
        built(PlaceOrderHandler, [OrderPlacement, Clock, IdGenerator, AcceptedCurrencies]),
        built(GetOrderHandler, [OrderQueries]),
        built(ListBuyerOrdersHandler, [BuyerOrders]),
        built(EraseBuyerPersonalDataHandler, [BuyerPersonalData, UnitOfWork, Clock]),
        // Use cases: the order's process
        built(ListPendingFraudReviewsHandler, [PendingFraudReviews]),
        built(DecideFraudReviewHandler, [Orders, OrderProcessRunner]),
        built(CancelOrderHandler, [Orders, OrderProcessRunner]),
        built(TakeFulfillmentAnswersHandler, [OrderProcessRunner]),
        built(ExpireOrderProcessesHandler, [OrderProcesses, OrderProcessRunner, Clock]),
        built(ResumeOrderProcessesHandler, [OrderProcesses, OrderProcessRunner, Clock]),
        // The process worker: deadlines and due commands, on an interval
        { provide: ORDER_PROCESS_SWEEP_INTERVAL, useValue: settings.worker.sweepIntervalMs },
        OrderProcessWorker,
        // Expired Idempotency-Keys go, on an interval
        { provide: IDEMPOTENCY_PURGE_INTERVAL, useValue: settings.idempotency.purgeIntervalMs },
        IdempotencyKeyPurge,
      ],
    };
  }
}
