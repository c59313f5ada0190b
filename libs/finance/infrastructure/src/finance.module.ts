import { Module } from '@nestjs/common';
import { ListRevenueEventsForOrderHandler, RecordDeferredRevenueHandler, ReverseRevenueHandler } from '@bazaar/finance-application';
import { RevenueEvents } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { RevenueEventsController } from './http/revenue-events.controller';
import { CheckoutEventsConsumer } from './messaging/checkout-events.consumer';
import { TypeOrmRevenueEvents } from './persistence/typeorm-revenue-events';

/** Finance, wired: HTTP and Kafka in, use cases, PostgreSQL out. */
@Module({
  controllers: [RevenueEventsController, CheckoutEventsConsumer],
  providers: [
    {
      provide: RevenueEvents,
      useFactory: (transactions: Transactions, outbox: Outbox) => new TypeOrmRevenueEvents(transactions, outbox),
      inject: [Transactions, Outbox],
    },
    {
      provide: RecordDeferredRevenueHandler,
      useFactory: (revenueEvents: RevenueEvents, clock: Clock, ids: IdGenerator) => new RecordDeferredRevenueHandler(revenueEvents, clock, ids),
      inject: [RevenueEvents, Clock, IdGenerator],
    },
    {
      provide: ReverseRevenueHandler,
      useFactory: (revenueEvents: RevenueEvents, clock: Clock, ids: IdGenerator) => new ReverseRevenueHandler(revenueEvents, clock, ids),
      inject: [RevenueEvents, Clock, IdGenerator],
    },
    {
      provide: ListRevenueEventsForOrderHandler,
      useFactory: (revenueEvents: RevenueEvents) => new ListRevenueEventsForOrderHandler(revenueEvents),
      inject: [RevenueEvents],
    },
  ],
})
export class FinanceModule {}
