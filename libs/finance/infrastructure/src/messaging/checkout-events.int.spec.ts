import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { KafkaMessage, Message, Producer, RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import { DeadLetterHeaders, headerValue } from '@bazaar/platform-messaging';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, uniqueName } from '@bazaar/platform-testing';
import { deadLetterTopic, EventHeaders, RevenueDeferredV1, Topics } from '@bazaar/published-language';
import { aCartCheckedOut, asKafkaMessage } from '../testing/checkout-messages';
import { consumedPast, forgetGroup } from '../testing/consumer-groups';
import { startFinance } from '../testing/finance-under-test';
import { TopicTap } from '../testing/topic-tap';

interface RevenueEventJson {
  revenueEventId: string;
  orderId: string;
  kind: string;
  amount: { amount: number; currency: string };
  recordedAt: string;
  lines: { account: string; side: string; amount: { amount: number; currency: string } }[];
}

describe('Finance, when Checkout publishes checked-out carts', () => {
  const kafka = testKafka();
  const group = uniqueName('finance');
  let db: TestDatabase;
  let ordersTopic: string;
  let producer: Producer;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let sql: Client;
  let ledgerEvents: TopicTap;
  let deadLetters: TopicTap;

  beforeAll(async () => {
    db = await createTestDatabase('finance_test');
    [ordersTopic] = (await createTestTopics(kafka, [Topics.checkoutOrders])) as [string];
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    [ledgerEvents, deadLetters] = await Promise.all([TopicTap.start(kafka, Topics.financeLedgers), TopicTap.start(kafka, deadLetterTopic('finance'))]);
    app = await startFinance({ databaseUrl: db.url, checkoutOrdersTopic: ordersTopic, consumerGroup: group });
    baseUrl = await app.getUrl();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([ledgerEvents?.stop(), deadLetters?.stop(), producer?.disconnect(), sql?.end()]);
    await forgetGroup(kafka, group);
    await db?.drop();
    if (ordersTopic) await deleteTestTopics(kafka, [ordersTopic]);
  });

  const publish = async (message: Message): Promise<RecordMetadata> => {
    const [sent] = await producer.send({ topic: ordersTopic, acks: -1, messages: [message] });
    return sent!;
  };
  const revenueEventsOf = async (orderId: string) => {
    const response = await fetch(`${baseUrl}/revenue-events?orderId=${orderId}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { revenueEvents: RevenueEventJson[] }).revenueEvents;
  };
  const oneRevenueEventOf = (orderId: string) =>
    eventually(async () => {
      const entries = await revenueEventsOf(orderId);
      expect(entries).toHaveLength(1);
      return entries[0]!;
    });
  const count = async (query: string, value: string) => ((await sql.query(query, [value])).rows[0] as { n: number }).n;
  const outboxRowsFor = (orderId: string) => count(`SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'orderId' = $1`, orderId);
  const header = (message: KafkaMessage, name: string) => headerValue(message.headers, name);

  it('defers the order total in a balanced entry and publishes RevenueDeferred, caused by the checkout event', async () => {
    const checkedOut = aCartCheckedOut({ total: { amount: 3399, currency: 'EUR' } });
    await publish(asKafkaMessage(checkedOut));

    const entry = await oneRevenueEventOf(checkedOut.data.orderId);
    const eur3399 = { amount: 3399, currency: 'EUR' };
    expect(entry).toEqual({
      revenueEventId: expect.any(String),
      orderId: checkedOut.data.orderId,
      kind: 'deferred',
      amount: eur3399,
      recordedAt: expect.any(String),
      lines: [
        { account: 'accounts_receivable', side: 'debit', amount: eur3399 },
        { account: 'deferred_revenue', side: 'credit', amount: eur3399 },
      ],
    });

    const [published] = await eventually(() => {
      const found = ledgerEvents.withBody((body) => body.data?.['orderId'] === checkedOut.data.orderId);
      expect(found).toHaveLength(1);
      return found;
    });
    const event = RevenueDeferredV1.parse(published!.body);
    expect(event.data).toEqual({ revenueEventId: entry.revenueEventId, orderId: entry.orderId, amount: eur3399, recordedAt: entry.recordedAt });
    expect(event).toMatchObject({
      producer: 'finance',
      aggregateId: checkedOut.data.orderId,
      causationId: checkedOut.id,
      correlationId: checkedOut.correlationId,
    });
    expect(published!.message.key?.toString()).toBe(checkedOut.data.orderId);
    expect(header(published!.message, EventHeaders.type)).toBe(RevenueDeferredV1.wireType);
  });

  it('changes nothing when the same message is delivered again', async () => {
    const checkedOut = aCartCheckedOut();
    const message = asKafkaMessage(checkedOut);
    await publish(message);
    const entry = await oneRevenueEventOf(checkedOut.data.orderId);

    const redelivery = await publish(message);
    await consumedPast(kafka, group, ordersTopic, redelivery.partition, redelivery.baseOffset!);

    expect(await revenueEventsOf(checkedOut.data.orderId)).toEqual([entry]);
    expect(await outboxRowsFor(checkedOut.data.orderId)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', checkedOut.id)).toBe(1);
  });

  it('defers no second entry for another checkout event about the same order', async () => {
    const first = aCartCheckedOut();
    await publish(asKafkaMessage(first));
    const entry = await oneRevenueEventOf(first.data.orderId);

    const second = await publish(asKafkaMessage(aCartCheckedOut({ orderId: first.data.orderId })));
    await consumedPast(kafka, group, ordersTopic, second.partition, second.baseOffset!);

    expect(await revenueEventsOf(first.data.orderId)).toEqual([entry]);
    expect(await outboxRowsFor(first.data.orderId)).toBe(1);
  });

  it('dead-letters a message that is not JSON and goes on with the next one on its partition', async () => {
    const orderId = randomUUID();
    const garbage = await publish({ key: orderId, value: 'this is {not JSON' });
    const next = await publish(asKafkaMessage(aCartCheckedOut({ orderId })));

    const [dead] = await eventually(() => {
      const found = deadLetters.withKey(orderId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead!.value?.toString()).toBe('this is {not JSON');
    expect(header(dead!, DeadLetterHeaders.error)).toMatch(/not JSON/);
    expect(header(dead!, DeadLetterHeaders.errorType)).toBe('MalformedMessage');
    expect(header(dead!, DeadLetterHeaders.sourceTopic)).toBe(ordersTopic);
    expect(header(dead!, DeadLetterHeaders.sourcePartition)).toBe(String(garbage.partition));
    expect(header(dead!, DeadLetterHeaders.sourceOffset)).toBe(garbage.baseOffset);
    expect(header(dead!, DeadLetterHeaders.consumerGroup)).toBe(group);
    expect(next.partition).toBe(garbage.partition);
    await oneRevenueEventOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aCartCheckedOut();
    const orderId = broken.data.orderId;
    const brokenMessage = asKafkaMessage({ ...broken, data: { ...broken.data, total: { amount: 33.99, currency: 'EUR' } } });
    const bad = await publish(brokenMessage);
    const next = await publish(asKafkaMessage(aCartCheckedOut({ orderId })));

    const [dead] = await eventually(() => {
      const found = deadLetters.withKey(orderId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead!.value?.toString()).toBe(brokenMessage.value);
    expect(header(dead!, DeadLetterHeaders.errorType)).toBe('ContractViolation');
    expect(header(dead!, DeadLetterHeaders.error)).toMatch(/total\.amount/);
    expect(header(dead!, DeadLetterHeaders.attempts)).toBe('1');
    expect(header(dead!, EventHeaders.id)).toBe(broken.id);
    expect(next.partition).toBe(bad.partition);
    await oneRevenueEventOf(orderId);
  });

  it('keeps the ledger append-only even for SQL written by hand', async () => {
    const checkedOut = aCartCheckedOut();
    await publish(asKafkaMessage(checkedOut));
    await oneRevenueEventOf(checkedOut.data.orderId);

    await expect(sql.query('UPDATE revenue_events SET amount = 1 WHERE order_id = $1', [checkedOut.data.orderId])).rejects.toThrow(/append-only/);
    await expect(sql.query('DELETE FROM ledger_lines')).rejects.toThrow(/append-only/);
  });

  describe('GET /revenue-events', () => {
    it('answers an empty list for an order without entries', async () => {
      expect(await revenueEventsOf(randomUUID())).toEqual([]);
    });

    it.each([
      ['without an orderId', '/revenue-events'],
      ['with an orderId that is not a UUID', '/revenue-events?orderId=order-1'],
    ])('answers 400 invalid_request %s', async (_case, path) => {
      const response = await fetch(`${baseUrl}${path}`);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 400, code: 'invalid_request', errors: [expect.objectContaining({ path: 'orderId' })] });
    });

    it('is documented in the OpenAPI description', async () => {
      const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };

      expect(document.paths['/revenue-events']).toMatchObject({
        get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] },
      });
    });
  });
});
