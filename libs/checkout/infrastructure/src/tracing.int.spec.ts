import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { startTracing } from '@bazaar/platform-service/tracing';
import { anEvent, eventually, kafkaMessage, TopicTap, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV2, EventHeaders, InventoryReservedV1, OrderConfirmedV1, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';
import { checkoutService } from './checkout.service';
import { anOrderRequest } from './testing/checkout-journeys';

/**
 * One order is one trace: the request's server span (which places and screens the order; the
 * authorization it starts alongside stays in its context), the outbox relay's publications (continued from the traceparent stored
 * on each outbox row), and, when Fulfillment answers, Checkout's consumer span (a child of that
 * answer's publication, from the Kafka headers) and what that consumer publishes in turn. Spans
 * are kept in memory here; a service exports them over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
describe('Checkout’s traces (real PostgreSQL and Kafka)', () => {
  const exporter = new InMemorySpanExporter();
  let provider: NodeTracerProvider;
  let checkout: ServiceUnderTest;
  let orders: TopicTap;

  beforeAll(async () => {
    provider = startTracing({ serviceName: 'checkout', exporter, env: {} });
    checkout = await ServiceUnderTest.start(checkoutService);
    orders = await checkout.namespace.tap(Topics.checkoutOrders);
  });

  afterAll(async () => {
    await checkout?.stop();
    await provider?.shutdown();
  });

  const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
  const attribute = (name: string, value: string) => (span: ReadableSpan) => span.attributes[name] === value;

  it('follows an order from POST /orders through the outbox and Kafka, and Fulfillment’s answer into the consumer and on to its next publication', async () => {
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const placed = await checkout.post('/orders', anOrderRequest(), { traceparent: `00-${callerTraceId}-${callerSpanId}-01` });
    expect(placed.status).toBe(201);
    const orderId = String(placed.body['orderId']);
    const [checkedOut, authorized] = await orders.waitFor(withKey(orderId), { count: 2 });
    expect([checkedOut, authorized].map((message) => message?.headers[EventHeaders.type])).toEqual([CartCheckedOutV2.wireType, PaymentAuthorizedV2.wireType]);
    const checkedOutEvent = CartCheckedOutV2.parse(checkedOut!.body);
    const authorizedEvent = PaymentAuthorizedV2.parse(authorized!.body);
    const ordersTopic = checkout.namespace.topic(Topics.checkoutOrders);
    const inTrace = async (...producedIds: string[]) =>
      eventually(async () => {
        await provider.forceFlush();
        const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === callerTraceId);
        for (const id of producedIds) expect(spans.filter(attribute('messaging.message.id', id)).map((span) => span.kind)).toContain(SpanKind.PRODUCER);
        return spans;
      });
    const one = (spans: ReadableSpan[], predicate: (span: ReadableSpan) => boolean) => {
      const found = spans.filter(predicate);
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    let spans = await inTrace(checkedOutEvent.id, authorizedEvent.id);

    // POST /orders continues the caller's trace.
    const server = one(spans, (span) => span.kind === SpanKind.SERVER && span.name === 'POST /orders');
    expect(parentOf(server)).toBe(callerSpanId);
    expect(server.attributes).toMatchObject({ 'http.route': '/orders', 'http.response.status_code': 201 });
    // Both events it wrote (the order placed, and its payment authorized once that committed) carry the server span; the relay's publications are its children.
    const publications = [checkedOutEvent, authorizedEvent].map((event, i) => {
      expect(event.traceparent).toBe(`00-${callerTraceId}-${server.spanContext().spanId}-01`);
      const published = one(spans, (span) => span.kind === SpanKind.PRODUCER && span.attributes['messaging.message.id'] === event.id);
      expect(published.name).toBe(`${ordersTopic} publish`);
      expect(parentOf(published)).toBe(server.spanContext().spanId);
      expect([checkedOut, authorized][i]!.headers['traceparent']).toBe(`00-${callerTraceId}-${published.spanContext().spanId}-01`);
      return published;
    });

    // Fulfillment answers PaymentAuthorized within the same trace: Checkout's consumer span is the child of that answer…
    const answer = anEvent(InventoryReservedV1, { data: { orderId }, traceparent: `00-${callerTraceId}-${publications[1]!.spanContext().spanId}-01` });
    await checkout.send(Topics.fulfillmentReservations, kafkaMessage(answer));
    const [confirmed] = await orders.waitFor((message) => withKey(orderId)(message) && message.headers[EventHeaders.type] === OrderConfirmedV1.wireType);
    const confirmedEvent = OrderConfirmedV1.parse(confirmed!.body);
    spans = await inTrace(confirmedEvent.id);
    const consumed = one(spans, (span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.message.id'] === answer.id);
    expect(consumed.name).toBe(`${checkout.namespace.topic(Topics.fulfillmentReservations)} process`);
    expect(consumed.attributes).toMatchObject({ 'messaging.consumer.group.name': checkout.consumerGroup, 'bazaar.event.type': InventoryReservedV1.wireType });
    // …and what it decided (the order confirmed) is published as the consumer span's child.
    expect(confirmedEvent.traceparent).toBe(`00-${callerTraceId}-${consumed.spanContext().spanId}-01`);
    const next = one(spans, (span) => span.kind === SpanKind.PRODUCER && span.attributes['messaging.message.id'] === confirmedEvent.id);
    expect(parentOf(next)).toBe(consumed.spanContext().spanId);
  });
});
