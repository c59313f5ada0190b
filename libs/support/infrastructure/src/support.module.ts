import { Module } from '@nestjs/common';
import { Transactions } from '@bazaar/platform-database';
import { Inbox, Outbox } from '@bazaar/platform-messaging';
import { built, builtAs } from '@bazaar/platform-service';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import {
  CaseQueries,
  CommentOnCaseHandler,
  FindCaseOrderViewsHandler,
  GetCaseHandler,
  GetCaseOrderViewHandler,
  ListCasesForOrderHandler,
  OpenCaseHandler,
  ProjectEventHandler,
  ReopenCaseHandler,
  ResolveCaseHandler,
} from '@bazaar/support-application';
import { CaseOrderViews, SupportCases } from '@bazaar/support-domain';
import { CaseOrderViewsController } from './http/case-order-views.controller';
import { CasesController } from './http/cases.controller';
import { caseOrderViewsConsumer } from './messaging/projection-inbox';
import { PublishedEventsConsumer } from './messaging/published-events.consumer';
import { TypeOrmCaseOrderViews } from './persistence/typeorm-case-order-views';
import { TypeOrmCaseQueries } from './persistence/typeorm-case-queries';
import { TypeOrmSupportCases } from './persistence/typeorm-support-cases';

/**
 * Support: a conformist reader of everyone's events, projecting them into one view per order, and
 * the owner of the support cases agents open about those orders.
 */
@Module({
  controllers: [CaseOrderViewsController, CasesController, PublishedEventsConsumer],
  providers: [
    // The projection.
    builtAs(CaseOrderViews, TypeOrmCaseOrderViews, [Transactions]),
    { provide: Inbox, useFactory: (transactions: Transactions) => new Inbox(transactions, caseOrderViewsConsumer), inject: [Transactions] },
    built(ProjectEventHandler, [CaseOrderViews]),
    built(GetCaseOrderViewHandler, [CaseOrderViews, CaseQueries]),
    built(FindCaseOrderViewsHandler, [CaseOrderViews]),
    // Support cases.
    builtAs(SupportCases, TypeOrmSupportCases, [Transactions, Outbox]),
    builtAs(CaseQueries, TypeOrmCaseQueries, [Transactions]),
    built(OpenCaseHandler, [SupportCases, CaseOrderViews, Clock, IdGenerator]),
    built(CommentOnCaseHandler, [SupportCases, Clock]),
    built(ResolveCaseHandler, [SupportCases, Clock]),
    built(ReopenCaseHandler, [SupportCases, Clock]),
    built(GetCaseHandler, [CaseQueries]),
    built(ListCasesForOrderHandler, [CaseQueries]),
  ],
})
export class SupportModule {}
