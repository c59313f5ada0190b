import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AssignerProtocol, Producer } from 'kafkajs';
import { Client } from 'pg';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, uniqueName } from '@bazaar/platform-testing';
import { Topics } from '@bazaar/published-language';
import { aCartCheckedOut, asKafkaMessage } from '../testing/checkout-messages';
import { consumedAll, forgetGroup } from '../testing/consumer-groups';
import { startFinance } from '../testing/finance-under-test';

describe('Finance scaled out to two instances', () => {
  const kafka = testKafka();
  const group = uniqueName('finance');
  let db: TestDatabase;
  let ordersTopic: string;
  let producer: Producer;
  let instances: NestFastifyApplication[] = [];
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase('finance_test');
    [ordersTopic] = (await createTestTopics(kafka, [Topics.checkoutOrders])) as [string];
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const start = () => startFinance({ databaseUrl: db.url, checkoutOrdersTopic: ordersTopic, consumerGroup: group });
    instances = [await start(), await start()];
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await Promise.all([producer?.disconnect(), sql?.end()]);
    await forgetGroup(kafka, group);
    await db?.drop();
    if (ordersTopic) await deleteTestTopics(kafka, [ordersTopic]);
  });

  /** Partitions of the orders topic held by each member of the group. */
  async function assignments(): Promise<number[][]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([group]);
      return (groups[0]?.members ?? []).map(
        (member) => AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[ordersTopic] ?? [],
      );
    } finally {
      await admin.disconnect();
    }
  }

  const scalar = async (query: string, orderIds: string[]) => ((await sql.query(query, [orderIds])).rows[0] as { n: number }).n;

  it('shares the partitions and turns a burst of 30 orders, each delivered twice, into exactly 30 deferred revenue entries', async () => {
    await eventually(
      async () => {
        const held = await assignments();
        expect(held).toHaveLength(2);
        for (const partitions of held) expect(partitions.length).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    const orders = Array.from({ length: 30 }, () => aCartCheckedOut());
    const messages = orders.map(asKafkaMessage);
    await producer.send({ topic: ordersTopic, acks: -1, messages });
    await producer.send({ topic: ordersTopic, acks: -1, messages });
    await consumedAll(kafka, group, ordersTopic);

    const orderIds = orders.map((order) => order.data.orderId);
    expect(await scalar('SELECT count(*)::int AS n FROM revenue_events WHERE order_id = ANY($1::uuid[])', orderIds)).toBe(30);
    expect(await scalar('SELECT count(DISTINCT order_id)::int AS n FROM revenue_events WHERE order_id = ANY($1::uuid[])', orderIds)).toBe(30);
    expect(await scalar(`SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'orderId' = ANY($1::text[])`, orderIds)).toBe(30);
    expect(await scalar('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', orders.map((order) => order.id))).toBe(30);
  });
});
