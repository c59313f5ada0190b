import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@bazaar/platform-testing';
import { fullyProjected } from './support/downstream';
import { http } from './support/http';
import { anOrderRequest, plentyOfStock } from './support/orders';
import { ServiceName, System } from './support/system';
import { stock } from './support/warehouse';

/** One span as OTLP/JSON carries it, with the service that sent it. */
interface ExportedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP SpanKind: 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Record<string, string | number | boolean | undefined>;
}

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type Otlp = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: AnyValue }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: { key: string; value: AnyValue }[] }[] }[];
  }[];
};
const valueOf = (value: AnyValue) => value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.boolValue ?? value.doubleValue;
const attributesOf = (list: { key: string; value: AnyValue }[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, valueOf(value)]));

/** A stand-in OpenTelemetry collector: it accepts OTLP/HTTP JSON on /v1/traces and keeps the spans. */
class Collector {
  readonly spans: ExportedSpan[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') this.receive(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Otlp);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  static async start(): Promise<Collector> {
    const collector = new Collector();
    await new Promise<void>((resolve) => collector.server.listen(0, '127.0.0.1', resolve));
    return collector;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(body: Otlp): void {
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
      for (const span of (resourceSpans.scopeSpans ?? []).flatMap((scope) => scope.spans ?? [])) {
        this.spans.push({
          service,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId ?? '',
          name: span.name,
          kind: span.kind,
          attributes: attributesOf(span.attributes),
        });
      }
    }
  }
}

describe('One order, one trace across the four contexts (OTLP from the built services)', () => {
  const services: ServiceName[] = ['checkout', 'fulfillment', 'finance', 'support'];
  let collector: Collector;
  let system: System;

  beforeAll(async () => {
    collector = await Collector.start();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '200' };
    system = await System.start({ env: Object.fromEntries(services.map((name) => [name, otel])) });
    await stock(system, plentyOfStock);
  });

  afterAll(async () => {
    await system?.stop();
    await collector?.stop();
  });

  it('links the request, each publication and every consumer’s handling, with their SQL, parent by parent', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const placed = await http('POST', `${system.url('checkout')}/orders`, { body: anOrderRequest(), headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } });
    expect(placed.status).toBe(201);
    await fullyProjected(system, placed.body.orderId);

    const byId = new Map<string, ExportedSpan>();
    const consumersOf = (service: string) => [...byId.values()].filter((span) => span.service === service && span.kind === 5);
    const parentOf = (span: ExportedSpan) => byId.get(span.parentSpanId);
    const isServer = (span: ExportedSpan | undefined) => span?.kind === 2 && span.name === 'POST /orders';
    const server = await eventually(
      () => {
        for (const span of collector.spans.filter((candidate) => candidate.traceId === traceId)) byId.set(span.spanId, span);
        // Support projects every event about the order; Finance and Fulfillment take the payment.
        expect(consumersOf('support').length).toBeGreaterThanOrEqual(4);
        expect(consumersOf('finance').length).toBeGreaterThanOrEqual(1);
        expect(consumersOf('fulfillment').length).toBeGreaterThanOrEqual(1);
        // Every span of the order's trace leads back to the request, through spans that were exported
        // (a parent ends, and is exported, after its children: wait for it).
        for (const span of byId.values()) {
          let hop: ExportedSpan | undefined = span;
          for (let depth = 0; hop && !isServer(hop) && depth < 50; depth++) hop = parentOf(hop);
          expect({ span: `${span.service} ${span.name}`, reachesTheRequest: isServer(hop) }).toEqual({ span: `${span.service} ${span.name}`, reachesTheRequest: true });
        }
        return [...byId.values()].find(isServer)!;
      },
      { timeoutMs: 30_000 },
    );
    expect(server).toMatchObject({ service: 'checkout', parentSpanId: callerSpanId });
    // Each downstream context's consumer span continues a publication (a PRODUCER span) of another context.
    for (const service of ['fulfillment', 'finance', 'support']) {
      for (const consumer of consumersOf(service)) {
        expect(parentOf(consumer)).toMatchObject({ kind: 4, name: expect.stringMatching(/ publish$/) });
        expect(parentOf(consumer)?.service).not.toBe(service);
      }
    }
    // The pg instrumentation runs in the built services: their SQL is in the trace, under a consumer or the request.
    for (const service of services) {
      expect(
        [...byId.values()].filter((span) => span.service === service && (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'postgresql').length,
      ).toBeGreaterThan(0);
    }
  });
});
