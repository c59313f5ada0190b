import { DynamicModule, Module } from '@nestjs/common';
import { Transactions } from '@bazaar/platform-database';
import { Inbox, Outbox } from '@bazaar/platform-messaging';
import { built, builtAs } from '@bazaar/platform-service';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import {
  BuyerDataKeys,
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
import { BuyerKeysConsumer } from './messaging/buyer-keys.consumer';
import { caseOrderViewsConsumer } from './messaging/projection-inbox';
import { PublishedEventsConsumer } from './messaging/published-events.consumer';
import { TypeOrmBuyerDataKeys } from './persistence/typeorm-buyer-data-keys';
import { TypeOrmCaseOrderViews } from './persistence/typeorm-case-order-views';
import { TypeOrmCaseQueries } from './persistence/typeorm-case-queries';
import { TypeOrmSupportCases } from './persistence/typeorm-support-cases';
import { SupportSettings } from './support-settings';

/**
 * Support: a conformist reader of everyone's events, projecting them into one view per order, and
 * the owner of the support cases agents open about those orders.
 */
@Module({})
export class SupportModule {
  static with(settings: SupportSettings): DynamicModule {
    return {
      module: SupportModule,
      controllers: [CaseOrderViewsController, CasesController, PublishedEventsConsumer, BuyerKeysConsumer],
      providers: [
        // The projection.
        builtAs(CaseOrderViews, TypeOrmCaseOrderViews, [Transactions]),
        { provide: Inbox, useFactory: (transactions: Transactions) => new Inbox(transactions, caseOrderViewsConsumer), inject: [Transactions] },
        built(ProjectEventHandler, [CaseOrderViews]),
        built(GetCaseOrderViewHandler, [CaseOrderViews, CaseQueries, BuyerDataKeys]),
        built(FindCaseOrderViewsHandler, [CaseOrderViews]),
        // The buyers' shared data keys, unwrapped with the sharing key ring to read sealed addresses.
        {
          provide: TypeOrmBuyerDataKeys,
          useFactory: (transactions: Transactions) => new TypeOrmBuyerDataKeys(transactions, settings.personalDataSharingKeys),
          inject: [Transactions],
        },
        { provide: BuyerDataKeys, useExisting: TypeOrmBuyerDataKeys },
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
    };
  }
}
