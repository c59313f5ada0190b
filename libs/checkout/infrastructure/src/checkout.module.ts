import { Module } from '@nestjs/common';
import { GetOrderHandler, IdempotencyKeys, PlaceOrderHandler, UnitOfWork } from '@bazaar/checkout-application';
import { Orders } from '@bazaar/checkout-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { OrdersController } from './http/orders.controller';
import { TypeOrmIdempotencyKeys } from './persistence/typeorm-idempotency-keys';
import { TypeOrmOrders } from './persistence/typeorm-orders';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';

/**
 * Checkout, wired by hand. Transactions, Outbox, Clock and IdGenerator come from the global
 * PlatformModule. Checkout consumes no topics yet, so there are no Kafka consumers here.
 */
@Module({
  controllers: [OrdersController],
  providers: [
    // Adapters behind the ports
    { provide: Orders, useFactory: (tx: Transactions, outbox: Outbox) => new TypeOrmOrders(tx, outbox), inject: [Transactions, Outbox] },
    { provide: IdempotencyKeys, useFactory: (tx: Transactions) => new TypeOrmIdempotencyKeys(tx), inject: [Transactions] },
    { provide: UnitOfWork, useFactory: (tx: Transactions) => new TypeOrmUnitOfWork(tx), inject: [Transactions] },
    // Use cases
    {
      provide: PlaceOrderHandler,
      useFactory: (orders: Orders, keys: IdempotencyKeys, unitOfWork: UnitOfWork, clock: Clock, ids: IdGenerator) =>
        new PlaceOrderHandler(orders, keys, unitOfWork, clock, ids),
      inject: [Orders, IdempotencyKeys, UnitOfWork, Clock, IdGenerator],
    },
    { provide: GetOrderHandler, useFactory: (orders: Orders) => new GetOrderHandler(orders), inject: [Orders] },
  ],
})
export class CheckoutModule {}
