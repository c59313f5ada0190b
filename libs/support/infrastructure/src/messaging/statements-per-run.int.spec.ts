import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { childTraceparent, Inbox, runInMessageContext } from '@bazaar/platform-messaging';
import { processSharingKeyRing } from '@bazaar/platform-service';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { anEvent } from '@bazaar/platform-testing';
import { BuyerDataKeyV1, BuyerPersonalDataErasedV1 } from '@bazaar/published-language';
import { ProjectEventHandler } from '@bazaar/support-application';
import { supportMigrations } from '../persistence/migrations';
import { TypeOrmBuyerDataKeys } from '../persistence/typeorm-buyer-data-keys';
import { TypeOrmCaseOrderViews } from '../persistence/typeorm-case-order-views';
import { eventsAbout, TopicEvent } from '../testing/published-events';
import { BuyerKeysConsumer } from './buyer-keys.consumer';
import { caseOrderViewsConsumer } from './projection-inbox';
import { PublishedEventsConsumer } from './published-events.consumer';

jest.setTimeout(60_000);

/**
 * What a run of messages sharing one transaction costs Support in round trips to PostgreSQL: the
 * consumers wired as the module wires them, their handlers called as the transport calls them (each
 * in its message's context, all in one unit of work), every statement counted where node-postgres
 * sends it.
 */
describe('Support’s consumers, statements per run in a shared transaction (real PostgreSQL)', () => {
  const orders = 50;
  let database: MigratedTestDatabase;
  let published: PublishedEventsConsumer;
  let buyerKeys: BuyerKeysConsumer;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(supportMigrations);
    const keys = new TypeOrmBuyerDataKeys(database.transactions, processSharingKeyRing());
    const views = new TypeOrmCaseOrderViews(database.transactions);
    published = new PublishedEventsConsumer(database.transactions, new Inbox(database.transactions, caseOrderViewsConsumer), new ProjectEventHandler(views), keys);
    buyerKeys = new BuyerKeysConsumer(keys);
  });

  afterAll(async () => {
    await database?.drop();
  });

  /** The statements of one unit of work handling messages one after the other, by their first word. */
  const sharedTransaction = async (handlers: readonly (() => Promise<void>)[]) => {
    const query = jest.spyOn(Client.prototype, 'query');
    try {
      await database.transactions.run(async () => {
        for (const handle of handlers) await handle();
      });
      return query.mock.calls.map(([statement]) => (typeof statement === 'string' ? statement : (statement as { text: string }).text).trim().split(/\s+/)[0]);
    } finally {
      query.mockRestore();
    }
  };
  /** Handles an event in its message's context, as the transport does. */
  const inContext = ({ envelope }: TopicEvent, handle: () => Promise<void>) =>
    runInMessageContext({ correlationId: envelope.correlationId ?? envelope.id, causationId: envelope.id, traceparent: childTraceparent(undefined), tracestate: null }, handle);
  const viewsOf = async (orderIds: readonly string[]) =>
    (await database.dataSource.query(
      `SELECT count(*)::int AS views, sum(jsonb_array_length(view->'timeline'))::int AS events FROM case_order_views WHERE order_id = ANY($1::uuid[])`,
      [orderIds],
    )) as { views: number; events: number }[];

  it(`projects ${orders} orders’ placements, their buyers’ keys and their payments in 3 statements, and a redelivery in 1`, async () => {
    const orderIds = Array.from({ length: orders }, () => randomUUID());
    const events = orderIds.map((orderId) => eventsAbout(orderId));
    const keys = events.map(() => anEvent(BuyerDataKeyV1, { data: { buyerId: `buyer-${randomUUID()}` } }));

    const projecting = await sharedTransaction([
      ...events.map(
        ({ cartCheckedOut }) =>
          () =>
            inContext(cartCheckedOut, () => published.onCartCheckedOut(cartCheckedOut.envelope)),
      ),
      ...keys.map((key) => () => buyerKeys.onBuyerDataKey(key)),
      ...events.map(
        ({ paymentAuthorized }) =>
          () =>
            inContext(paymentAuthorized, () => published.onPaymentAuthorized(paymentAuthorized.envelope)),
      ),
    ]);

    // The inbox's marks, the views; then the marks, the new views and the keys as one statement: no BEGIN, no COMMIT.
    expect(projecting).toEqual(['SELECT', 'SELECT', 'WITH']);
    expect(await viewsOf(orderIds)).toEqual([{ views: orders, events: 2 * orders }]);
    const [held] = (await database.dataSource.query('SELECT count(*)::int AS n FROM buyer_data_keys WHERE buyer_id = ANY($1::text[])', [keys.map((key) => key.data.buyerId)])) as {
      n: number;
    }[];
    expect(held).toEqual({ n: orders });

    const redelivering = await sharedTransaction(
      events.map(
        ({ paymentAuthorized }) =>
          () =>
            inContext(paymentAuthorized, () => published.onPaymentAuthorized(paymentAuthorized.envelope)),
      ),
    );

    expect(redelivering).toEqual(['SELECT']);
    expect(await viewsOf(orderIds)).toEqual([{ views: orders, events: 2 * orders }]);
  });
  it('folds an erasure’s facts per order before writing: an event naming an order twice writes its view once', async () => {
    const orderIds = [randomUUID(), randomUUID()];
    const events = orderIds.map((orderId) => eventsAbout(orderId));
    await sharedTransaction(
      events.map(
        ({ cartCheckedOut }) =>
          () =>
            inContext(cartCheckedOut, () => published.onCartCheckedOut(cartCheckedOut.envelope)),
      ),
    );
    const erased = anEvent(BuyerPersonalDataErasedV1, { data: { buyerId: 'buyer-42', orderIds: [orderIds[0]!, orderIds[1]!, orderIds[0]!] } });

    await published.onBuyerPersonalDataErased(erased);

    const views = (await database.dataSource.query(
      `SELECT view->>'personalData' AS "personalData", version FROM case_order_views WHERE order_id = ANY($1::uuid[]) ORDER BY order_id`,
      [orderIds],
    )) as { personalData: string; version: number }[];
    expect(views).toEqual([
      { personalData: 'erased', version: 2 },
      { personalData: 'erased', version: 2 },
    ]);
  });
});
