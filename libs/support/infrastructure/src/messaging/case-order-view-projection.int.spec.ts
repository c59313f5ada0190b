import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, Producer } from 'kafkajs';
import { EventEnvelope, Topics } from '@bazaar/published-language';
import { createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, uniqueName } from '@bazaar/platform-testing';
import { deadLettersFrom, deleteGroups } from '../testing/kafka-test-helpers';
import { publishedEventsAbout } from '../testing/published-events';
import { caseOrderView, publish, startSupport } from '../testing/support-under-test';

jest.setTimeout(90_000);

describe('Support projects published events into case order views', () => {
  let kafka: Kafka;
  let topics: string[];
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let producer: Producer;
  const groupId = uniqueName('support');

  const checkoutOrders = () => topics[0]!;
  const fulfillmentShipments = () => topics[1]!;
  const financeLedgers = () => topics[2]!;

  beforeAll(async () => {
    kafka = testKafka();
    topics = await createTestTopics(kafka, [Topics.checkoutOrders, Topics.fulfillmentShipments, Topics.financeLedgers]);
    database = await createTestDatabase();
    app = await startSupport({ databaseUrl: database.url, topics, groupId });
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

  /** The three events of one order, each with the topic its producer publishes it on. */
  function eventsOf(orderId: string) {
    const events = publishedEventsAbout(orderId);
    return {
      checkout: { topic: checkoutOrders(), envelope: events.cartCheckedOut() },
      shipment: { topic: fulfillmentShipments(), envelope: events.shipmentCreated() },
      revenue: { topic: financeLedgers(), envelope: events.revenueDeferred() },
    };
  }

  async function completeViewOf(orderId: string) {
    return eventually(async () => {
      const { status, body } = await caseOrderView(app, orderId);
      expect(status).toBe(200);
      expect(body.timeline).toHaveLength(3);
      return body;
    });
  }

  it.each([
    ['shipment first', ['shipment', 'revenue', 'checkout']],
    ['revenue first', ['revenue', 'checkout', 'shipment']],
    ['checkout last', ['revenue', 'shipment', 'checkout']],
  ] as const)('converges to the complete view when the events arrive %s', async (_order, arrivals) => {
    const orderId = randomUUID();
    const events = eventsOf(orderId);

    for (const [index, name] of arrivals.entries()) {
      await publish(producer, events[name].topic, events[name].envelope);
      // Wait for each projection, so that the arrival order really is the one under test.
      const partial = await eventually(async () => {
        const { body } = await caseOrderView(app, orderId);
        expect(body.timeline).toHaveLength(index + 1);
        return body;
      });
      if (name !== 'checkout' && !arrivals.slice(0, index).includes('checkout')) expect(partial.checkout).toBeNull();
    }

    const view = await completeViewOf(orderId);
    expect(view.checkout).toMatchObject({ buyerId: 'buyer-42', total: { amount: 3399, currency: 'EUR' }, placedAt: '2026-11-21T09:30:00.000Z' });
    expect(view.checkout.shippingAddress).toMatchObject({ name: 'Ada Lovelace', country: 'GB', line2: null });
    expect(view.shipments).toEqual([
      { shipmentId: events.shipment.envelope.data.shipmentId, status: 'created', lines: events.shipment.envelope.data.lines, createdAt: '2026-11-21T09:30:00.120Z' },
    ]);
    expect(view.revenue).toEqual([
      { entryId: events.revenue.envelope.data.revenueEventId, kind: 'deferred', amount: { amount: 3399, currency: 'EUR' }, recordedAt: '2026-11-21T09:30:00.140Z' },
    ]);
    expect(view.timeline).toEqual([
      { eventId: events.checkout.envelope.id, type: 'checkout.cart-checked-out', version: 1, context: 'checkout', occurredAt: '2026-11-21T09:30:00.000Z' },
      { eventId: events.shipment.envelope.id, type: 'fulfillment.shipment-created', version: 1, context: 'fulfillment', occurredAt: '2026-11-21T09:30:00.120Z' },
      { eventId: events.revenue.envelope.id, type: 'finance.revenue-deferred', version: 1, context: 'finance', occurredAt: '2026-11-21T09:30:00.140Z' },
    ]);
  });

  it('leaves the view unchanged when an event is delivered again', async () => {
    const orderId = randomUUID();
    const events = eventsOf(orderId);
    for (const event of Object.values(events)) await publish(producer, event.topic, event.envelope, 0);
    const before = await completeViewOf(orderId);

    // The marker follows the duplicate on the same partition, so once it is projected the duplicate was too.
    const marker = eventsOf(randomUUID()).checkout;
    await publish(producer, events.checkout.topic, events.checkout.envelope, 0);
    await publish(producer, marker.topic, marker.envelope, 0);
    await eventually(async () => expect((await caseOrderView(app, marker.envelope.aggregateId)).status).toBe(200));

    expect((await caseOrderView(app, orderId)).body).toEqual(before);
  });

  it('lands every event when the events of one order are projected in parallel', async () => {
    const orderIds = Array.from({ length: 20 }, () => randomUUID());

    await Promise.all(orderIds.flatMap((orderId) => Object.values(eventsOf(orderId)).map((event) => publish(producer, event.topic, event.envelope))));

    for (const orderId of orderIds) {
      const view = await completeViewOf(orderId);
      expect(view.checkout).not.toBeNull();
      expect(view.shipments).toHaveLength(1);
      expect(view.revenue).toHaveLength(1);
    }
  });

  it('parks malformed messages on the dead-letter topic and projects the next message of the partition', async () => {
    const broken = eventsOf(randomUUID()).checkout.envelope;
    const violating: EventEnvelope = { ...broken, data: { ...broken.data, orderId: 'not-a-uuid' } };
    const next = eventsOf(randomUUID()).checkout.envelope;

    await publish(producer, checkoutOrders(), violating, 1);
    await producer.send({ topic: checkoutOrders(), messages: [{ partition: 1, value: '{ not json', headers: { 'bazaar-event-type': 'checkout.cart-checked-out.v1' } }] });
    await publish(producer, checkoutOrders(), next, 1);

    await eventually(async () => expect((await caseOrderView(app, next.aggregateId)).status).toBe(200));
    const parked = await deadLettersFrom(kafka, checkoutOrders(), 2);
    expect(parked.map((letter) => letter.errorType).sort()).toEqual(['ContractViolation', 'MalformedMessage']);
    expect(parked.find((letter) => letter.errorType === 'ContractViolation')?.error).toMatch(/orderId/);
    expect((await caseOrderView(app, broken.aggregateId)).status).toBe(404);
  });

  it('answers 404 case_order_view_not_found for an order no event mentioned, and 400 for an id that is no UUID', async () => {
    const unknown = await caseOrderView(app, randomUUID());
    expect(unknown).toMatchObject({ status: 404, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'case_order_view_not_found' } });

    const malformed = await caseOrderView(app, 'not-a-uuid');
    expect(malformed).toMatchObject({ status: 400, contentType: expect.stringMatching(/^application\/problem\+json/), body: { code: 'invalid_request' } });
  });
});
