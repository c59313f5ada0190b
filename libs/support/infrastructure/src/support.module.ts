import { DynamicModule, Module } from '@nestjs/common';
import { Transactions } from '@bazaar/platform-database';
import { Inbox, Outbox } from '@bazaar/platform-messaging';
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
import { caseOrderViewsConsumer } from './messaging/projection-inbox';
import { BuyerKeysConsumer } from './messaging/buyer-keys.consumer';
import { PublishedEventsConsumer } from './messaging/published-events.consumer';
import { TypeOrmBuyerDataKeys } from './persistence/typeorm-buyer-data-keys';
import { TypeOrmCaseOrderViews } from './persistence/typeorm-case-order-views';
import { TypeOrmCaseQueries } from './persistence/typeorm-case-queries';
import { TypeOrmSupportCases } from './persistence/typeorm-support-cases';
import { SupportSettings } from './support-settings';

const controllers = [CaseOrderViewsController, CasesController, PublishedEventsConsumer, BuyerKeysConsumer];

/** The buyers' shared data keys, unwrapped with the sharing key ring to read sealed addresses. */
const keyProviders = (settings: SupportSettings) => [
  {
    provide: TypeOrmBuyerDataKeys,
    useFactory: (transactions: Transactions) => new TypeOrmBuyerDataKeys(transactions, settings.personalDataSharingKeys),
    inject: [Transactions],
  },
  { provide: BuyerDataKeys, useExisting: TypeOrmBuyerDataKeys },
];

const providers = [
  // The projection.
  { provide: CaseOrderViews, useFactory: (transactions: Transactions) => new TypeOrmCaseOrderViews(transactions), inject: [Transactions] },
  { provide: Inbox, useFactory: (transactions: Transactions) => new Inbox(transactions, caseOrderViewsConsumer), inject: [Transactions] },
  { provide: ProjectEventHandler, useFactory: (views: CaseOrderViews) => new ProjectEventHandler(views), inject: [CaseOrderViews] },
  {
    provide: GetCaseOrderViewHandler,
    useFactory: (views: CaseOrderViews, cases: CaseQueries, keys: BuyerDataKeys) => new GetCaseOrderViewHandler(views, cases, keys),
    inject: [CaseOrderViews, CaseQueries, BuyerDataKeys],
  },
  { provide: FindCaseOrderViewsHandler, useFactory: (views: CaseOrderViews) => new FindCaseOrderViewsHandler(views), inject: [CaseOrderViews] },
  // Support cases.
  {
    provide: SupportCases,
    useFactory: (transactions: Transactions, outbox: Outbox) => new TypeOrmSupportCases(transactions, outbox),
    inject: [Transactions, Outbox],
  },
  { provide: CaseQueries, useFactory: (transactions: Transactions) => new TypeOrmCaseQueries(transactions), inject: [Transactions] },
  {
    provide: OpenCaseHandler,
    useFactory: (cases: SupportCases, views: CaseOrderViews, clock: Clock, ids: IdGenerator) => new OpenCaseHandler(cases, views, clock, ids),
    inject: [SupportCases, CaseOrderViews, Clock, IdGenerator],
  },
  { provide: CommentOnCaseHandler, useFactory: (cases: SupportCases, clock: Clock) => new CommentOnCaseHandler(cases, clock), inject: [SupportCases, Clock] },
  { provide: ResolveCaseHandler, useFactory: (cases: SupportCases, clock: Clock) => new ResolveCaseHandler(cases, clock), inject: [SupportCases, Clock] },
  { provide: ReopenCaseHandler, useFactory: (cases: SupportCases, clock: Clock) => new ReopenCaseHandler(cases, clock), inject: [SupportCases, Clock] },
  { provide: GetCaseHandler, useFactory: (queries: CaseQueries) => new GetCaseHandler(queries), inject: [CaseQueries] },
  { provide: ListCasesForOrderHandler, useFactory: (queries: CaseQueries) => new ListCasesForOrderHandler(queries), inject: [CaseQueries] },
];

/**
 * Support: a conformist reader of everyone's events, projecting them into one view per order, and
 * the owner of the support cases agents open about those orders.
 */
@Module({})
export class SupportModule {
  static with(settings: SupportSettings): DynamicModule {
    return { module: SupportModule, controllers, providers: [...providers, ...keyProviders(settings)] };
  }
}
