import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, Producer } from 'kafkajs';
import { Client } from 'pg';
import { Topics } from '@bazaar/published-language';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, uniqueName } from '@bazaar/platform-testing';
import { deleteGroups } from '../testing/kafka-test-helpers';
import { publishedEventsAbout } from '../testing/published-events';
import { caseOrderView, publish, startSupport } from '../testing/support-under-test';
import { rebuildCaseOrderViews } from './rebuild-case-order-views';

jest.setTimeout(120_000);

describe('Rebuilding the case order views from offset zero', () => {
  let kafka: Kafka;
  let topics: string[];
  let database: TestDatabase;
  let app: NestFastifyApplication | undefined;
  let producer: Producer;
  const groupId = uniqueName('support');

  beforeAll(async () => {
    kafka = testKafka();
    topics = await createTestTopics(kafka, [Topics.checkoutOrders, Topics.fulfillmentShipments, Topics.financeLedgers]);
    database = await createTestDatabase();
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await database?.drop();
    if (topics) await deleteTestTopics(kafka, topics);
    await deleteGroups(kafka, [groupId]);
  });

  async function countRows(sql: string): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<{ count: number }>(sql)).rows[0]!.count;
    } finally {
      await client.end();
    }
  }

  it('refuses while the service consumes, then replays every topic into the same views', async () => {
    app = await startSupport({ databaseUrl: database.url, topics, groupId });
    const complete = publishedEventsAbout(randomUUID());
    const partial = publishedEventsAbout(randomUUID());
    const [checkoutOrders, fulfillmentShipments, financeLedgers] = topics as [string, string, string];
    const checkout = complete.cartCheckedOut();
    await publish(producer, checkoutOrders, checkout);
    await publish(producer, fulfillmentShipments, complete.shipmentCreated());
    await publish(producer, financeLedgers, complete.revenueDeferred());
    const shipmentOnly = partial.shipmentCreated();
    await publish(producer, fulfillmentShipments, shipmentOnly);
    const viewsOf = async (expectedTimelines: [number, number]) => {
      const views = await Promise.all([checkout.aggregateId, shipmentOnly.data.orderId].map((orderId) => caseOrderView(app!, orderId)));
      expect(views.map((view) => view.body.timeline?.length)).toEqual(expectedTimelines);
      return views.map((view) => view.body);
    };
    const before = await eventually(() => viewsOf([3, 1]));
    const rebuild = () => rebuildCaseOrderViews({ databaseUrl: database.url, kafka, groupId, topics });

    await expect(rebuild()).rejects.toThrow(/running member/);

    await app.close();
    app = undefined;
    await expect(rebuild()).resolves.toEqual({ viewsCleared: 2, inboxMarksCleared: 4, topicsRewound: topics });
    expect(await countRows('SELECT count(*)::int AS count FROM case_order_views')).toBe(0);

    app = await startSupport({ databaseUrl: database.url, topics, groupId });
    const after = await eventually(() => viewsOf([3, 1]), { timeoutMs: 30_000 });
    expect(after).toEqual(before);
    expect(await countRows(`SELECT count(*)::int AS count FROM inbox WHERE consumer = 'support.case-order-views'`)).toBe(4);
  });
});
