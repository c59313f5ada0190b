import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { ServiceUnderTest } from '@bazaar/platform-service/testing';
import { startTracing } from '@bazaar/platform-service/tracing';
import { eventually, TopicTap, withKey } from '@bazaar/platform-testing';
import { CartCheckedOutV2, EventHeaders, PaymentAuthorizedV2, Topics } from '@bazaar/published-language';
import { checkoutService } from './checkout.service';
import { anOrderRequest } from './testing/checkout-journeys';

/**
 * One order is one trace: the request's server span, the outbox relay's publication (continued from
 * the traceparent stored on the outbox row), the consumer's span (a child of the publication, from
 * the Kafka headers) and what that consumer publishes in turn. Spans are kept in memory here; a
 * service exports them over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
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

  it('follows an order from POST /orders through the outbox and Kafka into the consumer and on to its next publication', async () => {
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const placed = await checkout.post('/orders', anOrderRequest(), { traceparent: `00-${callerTraceId}-${callerSpanId}-01` });
    expect(placed.status).toBe(201);
    const orderId = String(placed.body['orderId']);
    const [checkedOut, authorized] = await orders.waitFor(withKey(orderId), { count: 2 });
    expect([checkedOut, authorized].map((message) => message?.headers[EventHeaders.type])).toEqual([CartCheckedOutV2.wireType, PaymentAuthorizedV2.wireType]);
    const checkedOutEvent = CartCheckedOutV2.parse(checkedOut!.body);
    const authorizedEvent = PaymentAuthorizedV2.parse(authorized!.body);

    const spans = await eventually(async () => {
      await provider.forceFlush();
      const inTrace = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === callerTraceId);
      expect(inTrace.filter(attribute('messaging.message.id', authorizedEvent.id)).map((span) => span.kind)).toContain(SpanKind.PRODUCER);
      // The consumer's span ends after its transaction commits, which can be after the relay published what it wrote.
      expect(inTrace.filter(attribute('messaging.message.id', checkedOutEvent.id)).map((span) => span.kind)).toContain(SpanKind.CONSUMER);
      return inTrace;
    });
    const one = (predicate: (span: ReadableSpan) => boolean) => {
      const found = spans.filter(predicate);
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    const ordersTopic = checkout.namespace.topic(Topics.checkoutOrders);

    // POST /orders continues the caller's trace.
    const server = one((span) => span.kind === SpanKind.SERVER && span.name === 'POST /orders');
    expect(parentOf(server)).toBe(callerSpanId);
    expect(server.attributes).toMatchObject({ 'http.route': '/orders', 'http.response.status_code': 201 });
    // The event it wrote carries the server span; the relay's publication is its child…
    expect(checkedOutEvent.traceparent).toBe(`00-${callerTraceId}-${server.spanContext().spanId}-01`);
    const published = one((span) => span.kind === SpanKind.PRODUCER && span.attributes['messaging.message.id'] === checkedOutEvent.id);
    expect(published.name).toBe(`${ordersTopic} publish`);
    expect(parentOf(published)).toBe(server.spanContext().spanId);
    expect(checkedOut!.headers['traceparent']).toBe(`00-${callerTraceId}-${published.spanContext().spanId}-01`);
    // …the order process's consumer span is the publication's child…
    const consumed = one((span) => span.kind === SpanKind.CONSUMER && span.attributes['messaging.message.id'] === checkedOutEvent.id);
    expect(consumed.name).toBe(`${ordersTopic} process`);
    expect(consumed.attributes).toMatchObject({ 'messaging.consumer.group.name': checkout.consumerGroup, 'bazaar.event.type': CartCheckedOutV2.wireType });
    expect(parentOf(consumed)).toBe(published.spanContext().spanId);
    // …and what it decided (the payment authorized) is published as the consumer span's child.
    expect(authorizedEvent.traceparent).toBe(`00-${callerTraceId}-${consumed.spanContext().spanId}-01`);
    const next = one((span) => span.kind === SpanKind.PRODUCER && span.attributes['messaging.message.id'] === authorizedEvent.id);
    expect(parentOf(next)).toBe(consumed.spanContext().spanId);
  });
});
