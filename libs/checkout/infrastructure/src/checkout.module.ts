import { DynamicModule, InjectionToken, Module, Provider } from '@nestjs/common';
import {
  BuyerOrderHistory,
  BuyerOrders,
  ListBuyerOrdersHandler,
  BuyerPersonalData,
  EraseBuyerPersonalDataHandler,
  CancelOrderHandler,
  CheckOutCartHandler,
  CreateCartHandler,
  DecideFraudReviewHandler,
  ExpireOrderProcessesHandler,
  GetCartHandler,
  GetOrderHandler,
  HandleInventoryReservationFailedHandler,
  HandleInventoryReservedHandler,
  HandleShipmentDispatchedHandler,
  IdempotencyKeys,
  ListPendingFraudReviewsHandler,
  OrderProcessRunner,
  PendingFraudReviews,
  PlaceOrderHandler,
  RemoveCartLineHandler,
  ResumeOrderProcessesHandler,
  ScreenOrderHandler,
  SetCartLineHandler,
  UnitOfWork,
} from '@bazaar/checkout-application';
import { AcceptedCurrencies, Carts, FraudPolicy, OrderProcesses, Orders, PaymentGateway } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CheckoutSettings } from './checkout-settings';
import { BuyerPersonalDataController } from './http/buyer-personal-data.controller';
import { CartsController } from './http/carts.controller';
import { FraudReviewsController } from './http/fraud-reviews.controller';
import { OrdersController } from './http/orders.controller';
import { FulfillmentEventsConsumer } from './messaging/fulfillment-events.consumer';
import { OrderScreeningConsumer } from './messaging/order-screening.consumer';
import { IDEMPOTENCY_PURGE_INTERVAL, IdempotencyKeyPurge } from './persistence/idempotency-key-purge';
import { BuyerDataKeys } from './persistence/buyer-data-keys';
import { TypeOrmBuyerPersonalData } from './persistence/typeorm-buyer-personal-data';
import { TypeOrmBuyerOrderHistory } from './persistence/typeorm-buyer-order-history';
import { TypeOrmBuyerOrders } from './persistence/typeorm-buyer-orders';
import { TypeOrmCarts } from './persistence/typeorm-carts';
import { TypeOrmIdempotencyKeys } from './persistence/typeorm-idempotency-keys';
import { TypeOrmOrderProcesses } from './persistence/typeorm-order-processes';
import { TypeOrmOrders } from './persistence/typeorm-orders';
import { TypeOrmPendingFraudReviews } from './persistence/typeorm-pending-fraud-reviews';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';
import { ORDER_PROCESS_SWEEP_INTERVAL, OrderProcessWorker } from './process/order-process-worker';

/** `new type(...injected)`: a use case or adapter built from the ports it names, in constructor order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function built<T>(type: new (...args: any[]) => T, inject: InjectionToken[]): Provider {
  return { provide: type, useFactory: (...args: unknown[]) => new type(...args), inject };
}

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
        OrderScreeningConsumer,
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
        { provide: Carts, useFactory: (tx: Transactions) => new TypeOrmCarts(tx), inject: [Transactions] },
        { provide: OrderProcesses, useFactory: (tx: Transactions) => new TypeOrmOrderProcesses(tx, settings.worker.claimMs), inject: [Transactions] },
        { provide: IdempotencyKeys, useFactory: (tx: Transactions) => new TypeOrmIdempotencyKeys(tx, settings.idempotency.ttlSeconds), inject: [Transactions] },
        { provide: UnitOfWork, useFactory: (tx: Transactions) => new TypeOrmUnitOfWork(tx), inject: [Transactions] },
        { provide: BuyerOrderHistory, useFactory: (tx: Transactions) => new TypeOrmBuyerOrderHistory(tx), inject: [Transactions] },
        { provide: BuyerOrders, useFactory: (tx: Transactions) => new TypeOrmBuyerOrders(tx), inject: [Transactions] },
        { provide: PendingFraudReviews, useFactory: (tx: Transactions) => new TypeOrmPendingFraudReviews(tx), inject: [Transactions] },
        {
          provide: BuyerPersonalData,
          useFactory: (tx: Transactions, outbox: Outbox) => new TypeOrmBuyerPersonalData(tx, outbox),
          inject: [Transactions, Outbox],
        },
        { provide: PaymentGateway, useValue: gateway },
        // Policies and the process manager
        { provide: FraudPolicy, useValue: new FraudPolicy(settings.fraud) },
        { provide: AcceptedCurrencies, useValue: AcceptedCurrencies.of(settings.fraud) },
        {
          provide: OrderProcessRunner,
          useFactory: (processes: OrderProcesses, orders: Orders, payments: PaymentGateway, clock: Clock) =>
            new OrderProcessRunner(processes, orders, payments, clock, settings.process),
          inject: [OrderProcesses, Orders, PaymentGateway, Clock],
        },
        // Use cases: carts and placing orders
        built(CreateCartHandler, [Carts, Clock, IdGenerator, AcceptedCurrencies]),
        built(SetCartLineHandler, [Carts, Clock]),
        built(RemoveCartLineHandler, [Carts, Clock]),
        built(GetCartHandler, [Carts]),
        built(CheckOutCartHandler, [Carts, Orders, IdempotencyKeys, UnitOfWork, Clock, IdGenerator, AcceptedCurrencies]),
        built(PlaceOrderHandler, [Orders, IdempotencyKeys, UnitOfWork, Clock, IdGenerator, AcceptedCurrencies]),
        built(GetOrderHandler, [Orders, OrderProcesses]),
        built(ListBuyerOrdersHandler, [BuyerOrders]),
        built(EraseBuyerPersonalDataHandler, [BuyerPersonalData, UnitOfWork, Clock]),
        // Use cases: the order's process
        built(ScreenOrderHandler, [Orders, BuyerOrderHistory, FraudPolicy, OrderProcessRunner]),
        built(ListPendingFraudReviewsHandler, [PendingFraudReviews]),
        built(DecideFraudReviewHandler, [Orders, OrderProcessRunner]),
        built(CancelOrderHandler, [Orders, OrderProcessRunner]),
        built(HandleInventoryReservedHandler, [OrderProcessRunner]),
        built(HandleInventoryReservationFailedHandler, [OrderProcessRunner]),
        built(HandleShipmentDispatchedHandler, [OrderProcessRunner]),
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
