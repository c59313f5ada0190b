import { Module } from '@nestjs/common';
import { CancelShipmentHandler, CreateShipmentHandler, ListShipmentsForOrderHandler } from '@bazaar/fulfillment-application';
import { Shipments } from '@bazaar/fulfillment-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { ShipmentsController } from './http/shipments.controller';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { TypeOrmShipments } from './persistence/typeorm-shipments';

/** Fulfillment, wired: HTTP and Kafka in, use cases, PostgreSQL out. */
@Module({
  controllers: [ShipmentsController, CheckoutEventsConsumer],
  providers: [
    {
      provide: Shipments,
      useFactory: (transactions: Transactions, outbox: Outbox) => new TypeOrmShipments(transactions, outbox),
      inject: [Transactions, Outbox],
    },
    {
      provide: CreateShipmentHandler,
      useFactory: (shipments: Shipments, clock: Clock, ids: IdGenerator) => new CreateShipmentHandler(shipments, clock, ids),
      inject: [Shipments, Clock, IdGenerator],
    },
    {
      provide: CancelShipmentHandler,
      useFactory: (shipments: Shipments, clock: Clock) => new CancelShipmentHandler(shipments, clock),
      inject: [Shipments, Clock],
    },
    {
      provide: ListShipmentsForOrderHandler,
      useFactory: (shipments: Shipments) => new ListShipmentsForOrderHandler(shipments),
      inject: [Shipments],
    },
  ],
})
export class FulfillmentModule {}
