import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * Starts the OpenTelemetry tracing SDK for one service. Import this module, and call it, before
 * anything else in the app's `main.ts` (see `apps/<context>/src/tracing.ts`): the pg instrumentation
 * patches `pg` when it is first required. Spans always exist (request, outbox publish and consumer
 * spans; their ids are in the logs and travel through Kafka); they, and SQL spans, are exported over OTLP/HTTP
 * only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (the exporter reads the standard `OTEL_EXPORTER_OTLP_*`
 * variables; `OTEL_EXPORTER_OTLP_PROTOCOL=http/json` sends JSON instead of protobuf), else nowhere.
 * Tests pass their own exporter (e.g. `InMemorySpanExporter`).
 *
 * The exporters and the instrumentations are required only when spans leave the process: unused
 * otherwise, they would keep ~170 modules (the OTLP transformer, the metrics SDK, the logs API, the
 * module hooks) and about 1.4 MB of heap in every replica (docs/benchmark.md, Checkout's memory).
 */
export function startTracing(options: { serviceName: string; exporter?: SpanExporter; env?: NodeJS.ProcessEnv }): NodeTracerProvider {
  const env = options.env ?? process.env;
  const exporter = options.exporter ?? otlpExporter(env);
  const spanProcessors: SpanProcessor[] = exporter ? [new BatchSpanProcessor(exporter)] : [];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env['OTEL_SERVICE_NAME'] ?? options.serviceName }),
    spanProcessors,
  });
  // W3C trace context, the format the outbox rows and Kafka headers carry.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  // SQL spans under the request's or the consumer's span (without a parent, e.g. the relay's polling,
  // none); only when spans leave the process: nobody would see them, and they cost a span per statement.
  if (exporter) {
    const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
    const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
    registerInstrumentations({
      tracerProvider: provider,
      instrumentations: [new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false })],
    });
  }
  const shutdown = () => void provider.shutdown().catch(() => undefined);
  process.once('beforeExit', shutdown);
  return provider;
}

/** OTLP over HTTP when an endpoint is configured: protobuf (the default) or JSON, as the standard variables say. */
function otlpExporter(env: NodeJS.ProcessEnv): SpanExporter | undefined {
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT'] && !env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) return undefined;
  const protocol = env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'] ?? env['OTEL_EXPORTER_OTLP_PROTOCOL'] ?? 'http/protobuf';
  if (protocol === 'http/json') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  if (protocol === 'http/protobuf') {
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
    return new OTLPTraceExporter();
  }
  throw new Error(`Invalid configuration: OTEL_EXPORTER_OTLP_PROTOCOL ${protocol} (this service sends http/protobuf or http/json)`);
}
