import { randomUUID } from 'node:crypto';
import { Consumer, Producer } from 'kafkajs';
import { CartCheckedOutV1, EventHeaders } from '@bazaar/published-language';
import { eventually, uniqueName } from '@bazaar/platform-testing';
import { consumersCaughtUp, countRows, downstreamOf, fullyProjected } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, lines } from './support/orders';
import { System } from './support/system';

describe('An order placed in Checkout reaches every context, only through Kafka', () => {
  let system: System;
  let producer: Producer;
  let tap: Consumer;
  const seen: { topic: string; key: string; value: string; headers: Record<string, string> }[] = [];
  const groups = () => ['fulfillment', 'finance', 'support'].map((name) => `${name}.${system.topicPrefix.slice(0, -1)}`);

  beforeAll(async () => {
    system = await System.start();
    producer = system.kafka.producer();
    await producer.connect();
    tap = system.kafka.consumer({ groupId: uniqueName('e2e-tap') });
    await tap.connect();
    await tap.subscribe({ topics: ['checkout.orders', 'fulfillment.dead-letters', 'finance.dead-letters', 'support.dead-letters'].map((t) => system.topic(t)), fromBeginning: true });
    await tap.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({
          topic, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '',
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
      },
    });
  });

  afterAll(async () => {
    await tap?.disconnect();
    await producer?.disconnect();
    await system?.stop();
  });

  it('becomes a shipment, a deferred revenue entry and a case-order view with its timeline', async () => {
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest() });
    expect(placed.status).toBe(201);
    expect(placed.body).toEqual({ orderId: expect.any(String), status: 'placed' });
    const { orderId } = placed.body;

    const { shipments, revenueEvents, view } = await fullyProjected(system, orderId);
    expect(shipments[0]).toMatchObject({ orderId, status: 'created' });
    expect(revenueEvents[0]).toMatchObject({ orderId, kind: 'deferred', amount: { amount: 3399, currency: 'EUR' } });
    expect(view.timeline.map((entry: { type: string }) => entry.type).sort()).toEqual(
      ['checkout.cart-checked-out', 'finance.revenue-deferred', 'fulfillment.shipment-created'],
    );
    const order = await http('GET', `${system.url('checkout')}/orders/${orderId}`);
    expect(order.body).toMatchObject({ orderId, status: 'placed', total: { amount: 3399, currency: 'EUR' } });
  });

  it('answers the same Idempotency-Key with the same order and creates nothing twice downstream', async () => {
    const key = randomUUID();
    const request = anOrderRequest();
    const first = await http('POST', `${system.url('checkout')}/orders`, { body: request, headers: { 'idempotency-key': key } });
    const second = await http('POST', `${system.url('checkout')}/orders`, { body: request, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(second.body.orderId).toBe(first.body.orderId);

    await fullyProjected(system, first.body.orderId);
    await consumersCaughtUp(system.kafka, groups(), [system.topic('checkout.orders')]);
    const after = await downstreamOf(system, first.body.orderId);
    expect(after.shipments).toHaveLength(1);
    expect(after.revenueEvents).toHaveLength(1);
    const other = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest(), headers: { 'idempotency-key': key } });
    expect(other.status).toBe(422);
  });

  const badRequests: [string, { body?: unknown; raw?: string }, number, string][] = [
    ['51 lines', { body: anOrderRequest({ lines: lines(51) }) }, 422, 'order_line_limit_exceeded'],
    ['quantity 0', { body: anOrderRequest({ lines: [{ sku: 'A', quantity: 0, unitPrice: { amount: 100, currency: 'EUR' } }] }) }, 422, 'invalid_quantity'],
    ['mixed currencies', { body: anOrderRequest({ lines: [{ sku: 'A', quantity: 1, unitPrice: { amount: 100, currency: 'EUR' } }, { sku: 'B', quantity: 1, unitPrice: { amount: 100, currency: 'USD' } }] }) }, 422, 'mixed_currencies'],
    ['a negative price', { body: anOrderRequest({ lines: [{ sku: 'A', quantity: 1, unitPrice: { amount: -5, currency: 'EUR' } }] }) }, 422, 'non_positive_price'],
    ['no lines', { body: anOrderRequest({ lines: [] }) }, 422, 'order_has_no_lines'],
    ['an unknown field', { body: anOrderRequest({ coupon: 'FREE' }) }, 400, 'invalid_request'],
    ['malformed JSON', { raw: '{"buyerId": "b1", "lines": [' }, 400, 'malformed_json'],
  ];

  it.each(badRequests)('rejects %s with problem+json, writing and publishing nothing', async (_case, request, status, code) => {
    const checkoutDb = system.databases.get('checkout')!.url;
    const before = await countRows(checkoutDb, 'SELECT count(*) FROM outbox');
    const response = await http('POST', `${system.url('checkout')}/orders`, request);
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, code, title: expect.any(String) });
    expect(await countRows(checkoutDb, 'SELECT count(*) FROM outbox')).toBe(before);
  });

  it('ignores a copy of an already-consumed message, whoever produced it', async () => {
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest() });
    const { orderId } = placed.body;
    const projected = await fullyProjected(system, orderId);
    const original = await eventually(() => seen.find((m) => m.topic === system.topic('checkout.orders') && m.key === orderId) ?? Promise.reject(new Error('not yet')));

    await producer.send({ topic: system.topic('checkout.orders'), messages: [{ key: original.key, value: original.value, headers: original.headers }] });
    await consumersCaughtUp(system.kafka, groups(), [system.topic('checkout.orders')]);

    const after = await downstreamOf(system, orderId);
    expect(after.shipments).toEqual(projected.shipments);
    expect(after.revenueEvents).toEqual(projected.revenueEvents);
    expect(after.view.timeline).toEqual(projected.view.timeline);
  });

  it('dead-letters a malformed message and still processes the messages behind it on that partition', async () => {
    const orderId = randomUUID();
    const key = orderId;
    await producer.send({ topic: system.topic('checkout.orders'), messages: [{ key, value: '<<not an event>>' }] });
    // The next message on the same partition (same key): a valid event for a new order.
    const template = CartCheckedOutV1.parse(JSON.parse(JSON.stringify(exampleEvent(orderId))));
    await producer.send({
      topic: system.topic('checkout.orders'),
      messages: [{ key, value: JSON.stringify(template), headers: { [EventHeaders.id]: template.id, [EventHeaders.type]: CartCheckedOutV1.wireType } }],
    });

    await fullyProjected(system, orderId);
    for (const context of ['fulfillment', 'finance', 'support']) {
      const parked = await eventually(() => seen.find((m) => m.topic === system.topic(`${context}.dead-letters`) && m.key === key) ?? Promise.reject(new Error(`${context} has not dead-lettered it yet`)));
      expect(parked.value).toBe('<<not an event>>');
      expect(parked.headers['bazaar-dlt-error']).toContain('Malformed');
    }
  });
});

function exampleEvent(orderId: string) {
  const now = new Date().toISOString();
  return {
    id: randomUUID(), type: 'checkout.cart-checked-out', version: 1, occurredAt: now, producer: 'checkout',
    aggregateId: orderId, correlationId: randomUUID(), causationId: null, traceparent: null, tracestate: null,
    data: {
      orderId, buyerId: 'buyer-dlt',
      lines: [{ sku: 'MUG-BLUE', quantity: 1, unitPrice: { amount: 1250, currency: 'EUR' }, lineTotal: { amount: 1250, currency: 'EUR' } }],
      total: { amount: 1250, currency: 'EUR' },
      shippingAddress: { name: 'Grace Hopper', line1: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US' },
      placedAt: now,
    },
  };
}
