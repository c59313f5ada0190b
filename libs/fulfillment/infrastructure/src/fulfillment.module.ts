import { Module } from '@nestjs/common';
import {
  CancelFulfillmentHandler,
  CountStockHandler,
  DeliverShipmentHandler,
  DispatchShipmentHandler,
  GetShipmentHandler,
  GetStockLevelHandler,
  ListShipmentsForOrderHandler,
  PackShipmentHandler,
  PickShipmentHandler,
  ReserveInventoryHandler,
  StockLevels,
  UnitOfWork,
} from '@bazaar/fulfillment-application';
import { Reservations, Shipments, StockItems } from '@bazaar/fulfillment-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { ShipmentsController } from './http/shipments.controller';
import { StockController } from './http/stock.controller';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { TypeOrmReservations } from './persistence/typeorm-reservations';
import { TypeOrmShipments } from './persistence/typeorm-shipments';
import { TypeOrmStockItems } from './persistence/typeorm-stock-items';
import { TypeOrmStockLevels } from './persistence/typeorm-stock-levels';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';

/** Fulfillment, wired: HTTP and Kafka in, use cases, PostgreSQL out. */
@Module({
  controllers: [StockController, ShipmentsController, CheckoutEventsConsumer],
  providers: [
    // Ports → PostgreSQL.
    { provide: UnitOfWork, useFactory: (t: Transactions) => new TypeOrmUnitOfWork(t), inject: [Transactions] },
    { provide: StockItems, useFactory: (t: Transactions) => new TypeOrmStockItems(t), inject: [Transactions] },
    { provide: StockLevels, useFactory: (t: Transactions) => new TypeOrmStockLevels(t), inject: [Transactions] },
    { provide: Reservations, useFactory: (t: Transactions, o: Outbox) => new TypeOrmReservations(t, o), inject: [Transactions, Outbox] },
    { provide: Shipments, useFactory: (t: Transactions, o: Outbox) => new TypeOrmShipments(t, o), inject: [Transactions, Outbox] },
    // Stock.
    {
      provide: CountStockHandler,
      useFactory: (u: UnitOfWork, s: StockItems, c: Clock) => new CountStockHandler(u, s, c),
      inject: [UnitOfWork, StockItems, Clock],
    },
    { provide: GetStockLevelHandler, useFactory: (l: StockLevels) => new GetStockLevelHandler(l), inject: [StockLevels] },
    // Checkout's orders.
    {
      provide: ReserveInventoryHandler,
      useFactory: (u: UnitOfWork, r: Reservations, s: StockItems, sh: Shipments, c: Clock, ids: IdGenerator) => new ReserveInventoryHandler(u, r, s, sh, c, ids),
      inject: [UnitOfWork, Reservations, StockItems, Shipments, Clock, IdGenerator],
    },
    {
      provide: CancelFulfillmentHandler,
      useFactory: (u: UnitOfWork, r: Reservations, s: StockItems, sh: Shipments, c: Clock) => new CancelFulfillmentHandler(u, r, s, sh, c),
      inject: [UnitOfWork, Reservations, StockItems, Shipments, Clock],
    },
    // The warehouse's steps.
    { provide: PickShipmentHandler, useFactory: (sh: Shipments, c: Clock) => new PickShipmentHandler(sh, c), inject: [Shipments, Clock] },
    { provide: PackShipmentHandler, useFactory: (sh: Shipments, c: Clock) => new PackShipmentHandler(sh, c), inject: [Shipments, Clock] },
    {
      provide: DispatchShipmentHandler,
      useFactory: (u: UnitOfWork, sh: Shipments, r: Reservations, s: StockItems, c: Clock) => new DispatchShipmentHandler(u, sh, r, s, c),
      inject: [UnitOfWork, Shipments, Reservations, StockItems, Clock],
    },
    { provide: DeliverShipmentHandler, useFactory: (sh: Shipments, c: Clock) => new DeliverShipmentHandler(sh, c), inject: [Shipments, Clock] },
    // Reads.
    { provide: GetShipmentHandler, useFactory: (sh: Shipments) => new GetShipmentHandler(sh), inject: [Shipments] },
    { provide: ListShipmentsForOrderHandler, useFactory: (sh: Shipments) => new ListShipmentsForOrderHandler(sh), inject: [Shipments] },
  ],
})
export class FulfillmentModule {}
