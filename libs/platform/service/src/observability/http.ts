import { context, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contextOfTraceparent, PlatformLogger } from '@bazaar/platform-messaging';
import { ServiceMetrics } from './metrics';

const tracer = () => trace.getTracer('@bazaar/platform-service');
const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
/** The route template (`/orders/:orderId/cancel`), never the raw URL: bounded label values. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched';

/**
 * Observes every HTTP request: a SERVER span (continuing the caller's `traceparent`) that is active
 * while the request runs, so the request's message context, logs and outbox rows carry its trace;
 * the request duration histogram by method, route template and status; and one access log line.
 * Register before any other `onRequest` hook so they all run inside the span.
 */
export function observeHttp(fastify: FastifyInstance, metrics: ServiceMetrics, logger: PlatformLogger): void {
  const spans = new WeakMap<FastifyRequest, Span>();

  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = contextOfTraceparent(firstHeader(request.headers['traceparent']), firstHeader(request.headers['tracestate']));
    const route = routeOf(request);
    const span = tracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route, 'url.path': request.url.split('?')[0] } },
      parent,
    );
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), done);
  });

  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const route = routeOf(request);
    const seconds = reply.elapsedTime / 1000;
    metrics.httpRequest(request.method, route, reply.statusCode, seconds);
    const span = spans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    // The access log: one line per request, in the request's trace (not for the scrapes and probes).
    if (route !== '/metrics' && !route.startsWith('/health/')) {
      context.with(span ? trace.setSpan(context.active(), span) : context.active(), () =>
        logger.log({ msg: 'request', method: request.method, route, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }),
      );
    }
    done();
  });

  // No authentication: Prometheus scrapes it (on Kubernetes only monitoring namespaces reach the port).
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.exposition();
    return reply.type(contentType).send(body);
  });
}
