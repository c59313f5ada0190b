import { Module } from '@nestjs/common';
import {
  CountStockHandler,
  DeliverShipmentHandler,
  DispatchShipmentHandler,
  FulfillCheckoutNewsHandler,
  GetShipmentHandler,
  GetStockLevelHandler,
  ListShipmentsForOrderHandler,
  PackShipmentHandler,
  PickShipmentHandler,
  ShipmentQueries,
  StockLevels,
  UnitOfWork,
} from '@bazaar/fulfillment-application';
import { Reservations, Shipments, StockItems } from '@bazaar/fulfillment-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { built, builtAs } from '@bazaar/platform-service';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { ShipmentsController } from './http/shipments.controller';
import { StockController } from './http/stock.controller';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { TypeOrmReservations } from './persistence/typeorm-reservations';
import { TypeOrmShipmentQueries } from './persistence/typeorm-shipment-queries';
import { TypeOrmShipments } from './persistence/typeorm-shipments';
import { TypeOrmStockItems } from './persistence/typeorm-stock-items';
import { TypeOrmStockLevels } from './persistence/typeorm-stock-levels';
import { TypeOrmUnitOfWork } from './persistence/typeorm-unit-of-work';

/** Fulfillment, wired: HTTP and Kafka in, use cases, PostgreSQL out. */
@Module({
  controllers: [StockController, ShipmentsController, CheckoutEventsConsumer],
  providers: [
    // Ports → PostgreSQL.
    builtAs(UnitOfWork, TypeOrmUnitOfWork, [Transactions]),
    builtAs(StockItems, TypeOrmStockItems, [Transactions]),
    builtAs(StockLevels, TypeOrmStockLevels, [Transactions]),
    builtAs(Reservations, TypeOrmReservations, [Transactions, Outbox]),
    builtAs(Shipments, TypeOrmShipments, [Transactions, Outbox]),
    builtAs(ShipmentQueries, TypeOrmShipmentQueries, [Transactions]),
    // Stock.
    built(CountStockHandler, [UnitOfWork, StockItems, Clock]),
    built(GetStockLevelHandler, [StockLevels]),
    // Checkout's orders.
    built(FulfillCheckoutNewsHandler, [UnitOfWork, Reservations, StockItems, Shipments, Clock, IdGenerator]),
    // The warehouse's steps.
    built(PickShipmentHandler, [Shipments, Clock]),
    built(PackShipmentHandler, [Shipments, Clock]),
    built(DispatchShipmentHandler, [UnitOfWork, Shipments, Reservations, StockItems, Clock]),
    built(DeliverShipmentHandler, [Shipments, Clock]),
    // Reads.
    built(GetShipmentHandler, [ShipmentQueries]),
    built(ListShipmentsForOrderHandler, [ShipmentQueries]),
  ],
})
export class FulfillmentModule {}
