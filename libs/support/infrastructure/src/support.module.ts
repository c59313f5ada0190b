import { Module } from '@nestjs/common';
import { Transactions } from '@bazaar/platform-database';
import { Inbox } from '@bazaar/platform-messaging';
import { GetCaseOrderViewHandler, ProjectEventHandler } from '@bazaar/support-application';
import { CaseOrderViews } from '@bazaar/support-domain';
import { CaseOrderViewsController } from './http/case-order-views.controller';
import { caseOrderViewsConsumer } from './messaging/projection-inbox';
import { PublishedEventsConsumer } from './messaging/published-events.consumer';
import { TypeOrmCaseOrderViews } from './persistence/typeorm-case-order-views';

/** Support: a conformist reader of everyone's events, projecting them into one view per order. */
@Module({
  controllers: [CaseOrderViewsController, PublishedEventsConsumer],
  providers: [
    { provide: CaseOrderViews, useFactory: (transactions: Transactions) => new TypeOrmCaseOrderViews(transactions), inject: [Transactions] },
    { provide: Inbox, useFactory: (transactions: Transactions) => new Inbox(transactions, caseOrderViewsConsumer), inject: [Transactions] },
    { provide: ProjectEventHandler, useFactory: (views: CaseOrderViews) => new ProjectEventHandler(views), inject: [CaseOrderViews] },
    { provide: GetCaseOrderViewHandler, useFactory: (views: CaseOrderViews) => new GetCaseOrderViewHandler(views), inject: [CaseOrderViews] },
  ],
})
export class SupportModule {}
