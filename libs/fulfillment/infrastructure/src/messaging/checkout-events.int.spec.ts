import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { KafkaMessage, Message, Producer, RecordMetadata } from 'kafkajs';
import { Client } from 'pg';
import { DeadLetterHeaders, headerValue } from '@bazaar/platform-messaging';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, uniqueName } from '@bazaar/platform-testing';
import { deadLetterTopic, EventHeaders, ShipmentCreatedV1, Topics } from '@bazaar/published-language';
import { aCartCheckedOut, asKafkaMessage } from '../testing/checkout-messages';
import { consumedPast, forgetGroup } from '../testing/consumer-groups';
import { startFulfillment } from '../testing/fulfillment-under-test';
import { TopicTap } from '../testing/topic-tap';

describe('Fulfillment, when Checkout publishes checked-out carts', () => {
  const kafka = testKafka();
  const group = uniqueName('fulfillment');
  let db: TestDatabase;
  let ordersTopic: string;
  let producer: Producer;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let sql: Client;
  let shipmentEvents: TopicTap;
  let deadLetters: TopicTap;

  beforeAll(async () => {
    db = await createTestDatabase('fulfillment_test');
    [ordersTopic] = (await createTestTopics(kafka, [Topics.checkoutOrders])) as [string];
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    [shipmentEvents, deadLetters] = await Promise.all([
      TopicTap.start(kafka, Topics.fulfillmentShipments),
      TopicTap.start(kafka, deadLetterTopic('fulfillment')),
    ]);
    app = await startFulfillment({ databaseUrl: db.url, checkoutOrdersTopic: ordersTopic, consumerGroup: group });
    baseUrl = await app.getUrl();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([shipmentEvents?.stop(), deadLetters?.stop(), producer?.disconnect(), sql?.end()]);
    await forgetGroup(kafka, group);
    await db?.drop();
    if (ordersTopic) await deleteTestTopics(kafka, [ordersTopic]);
  });

  const publish = async (message: Message): Promise<RecordMetadata> => {
    const [sent] = await producer.send({ topic: ordersTopic, acks: -1, messages: [message] });
    return sent!;
  };
  const shipmentsOf = async (orderId: string) => {
    const response = await fetch(`${baseUrl}/shipments?orderId=${orderId}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { shipments: { shipmentId: string; lines: unknown; createdAt: string }[] }).shipments;
  };
  const oneShipmentOf = (orderId: string) =>
    eventually(async () => {
      const shipments = await shipmentsOf(orderId);
      expect(shipments).toHaveLength(1);
      return shipments[0]!;
    });
  const count = async (query: string, value: string) => ((await sql.query(query, [value])).rows[0] as { n: number }).n;
  const outboxRowsFor = (orderId: string) => count(`SELECT count(*)::int AS n FROM outbox WHERE payload->'data'->>'orderId' = $1`, orderId);
  const header = (message: KafkaMessage, name: string) => headerValue(message.headers, name);

  it('creates the order\'s shipment and publishes ShipmentCreated, caused by the checkout event', async () => {
    const checkedOut = aCartCheckedOut();
    await publish(asKafkaMessage(checkedOut));

    const shipment = await oneShipmentOf(checkedOut.data.orderId);
    expect(shipment).toEqual({
      shipmentId: expect.any(String),
      orderId: checkedOut.data.orderId,
      status: 'created',
      lines: [
        { sku: 'MUG-BLUE', quantity: 2 },
        { sku: 'TEA-EARL', quantity: 1 },
      ],
      createdAt: expect.any(String),
    });

    const [published] = await eventually(() => {
      const found = shipmentEvents.withBody((body) => body.data?.['orderId'] === checkedOut.data.orderId);
      expect(found).toHaveLength(1);
      return found;
    });
    const event = ShipmentCreatedV1.parse(published!.body);
    expect(event.data).toEqual({ ...shipment, status: 'created' });
    expect(event).toMatchObject({
      producer: 'fulfillment',
      aggregateId: shipment.shipmentId,
      causationId: checkedOut.id,
      correlationId: checkedOut.correlationId,
    });
    expect(published!.message.key?.toString()).toBe(shipment.shipmentId);
    expect(header(published!.message, EventHeaders.type)).toBe(ShipmentCreatedV1.wireType);
  });

  it('changes nothing when the same message is delivered again', async () => {
    const checkedOut = aCartCheckedOut();
    const message = asKafkaMessage(checkedOut);
    await publish(message);
    const shipment = await oneShipmentOf(checkedOut.data.orderId);

    const redelivery = await publish(message);
    await consumedPast(kafka, group, ordersTopic, redelivery.partition, redelivery.baseOffset!);

    expect(await shipmentsOf(checkedOut.data.orderId)).toEqual([shipment]);
    expect(await outboxRowsFor(checkedOut.data.orderId)).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', checkedOut.id)).toBe(1);
  });

  it('creates no second shipment for another checkout event about the same order', async () => {
    const first = aCartCheckedOut();
    await publish(asKafkaMessage(first));
    const shipment = await oneShipmentOf(first.data.orderId);

    const second = await publish(asKafkaMessage(aCartCheckedOut({ orderId: first.data.orderId })));
    await consumedPast(kafka, group, ordersTopic, second.partition, second.baseOffset!);

    expect(await shipmentsOf(first.data.orderId)).toEqual([shipment]);
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
    await oneShipmentOf(orderId);
  });

  it('dead-letters a message that breaks the contract and goes on with the next one on its partition', async () => {
    const broken = aCartCheckedOut();
    const orderId = broken.data.orderId;
    const brokenMessage = asKafkaMessage({ ...broken, data: { ...broken.data, lines: [] } });
    const bad = await publish(brokenMessage);
    const next = await publish(asKafkaMessage(aCartCheckedOut({ orderId })));

    const [dead] = await eventually(() => {
      const found = deadLetters.withKey(orderId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead!.value?.toString()).toBe(brokenMessage.value);
    expect(header(dead!, DeadLetterHeaders.errorType)).toBe('ContractViolation');
    expect(header(dead!, DeadLetterHeaders.error)).toMatch(/lines/);
    expect(header(dead!, DeadLetterHeaders.attempts)).toBe('1');
    expect(header(dead!, EventHeaders.id)).toBe(broken.id);
    expect(next.partition).toBe(bad.partition);
    await oneShipmentOf(orderId);
  });

  it('skips event types it does not handle, without dead-lettering them', async () => {
    const orderId = randomUUID();
    const other = asKafkaMessage({ ...aCartCheckedOut({ orderId }), type: 'checkout.order-cancelled' });
    const skipped = await publish({ ...other, headers: { ...other.headers, [EventHeaders.type]: 'checkout.order-cancelled.v1' } });

    await consumedPast(kafka, group, ordersTopic, skipped.partition, skipped.baseOffset!);
    expect(await shipmentsOf(orderId)).toEqual([]);
    expect(deadLetters.withKey(orderId)).toEqual([]);
  });

  describe('GET /shipments', () => {
    it('answers an empty list for an order without shipments', async () => {
      expect(await shipmentsOf(randomUUID())).toEqual([]);
    });

    it.each([
      ['without an orderId', '/shipments'],
      ['with an orderId that is not a UUID', '/shipments?orderId=order-1'],
    ])('answers 400 invalid_request %s', async (_case, path) => {
      const response = await fetch(`${baseUrl}${path}`);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 400, code: 'invalid_request', errors: [expect.objectContaining({ path: 'orderId' })] });
    });

    it('is documented in the OpenAPI description', async () => {
      const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };

      expect(document.paths['/shipments']).toMatchObject({
        get: { parameters: [expect.objectContaining({ name: 'orderId', in: 'query', required: true })] },
      });
    });
  });
});
