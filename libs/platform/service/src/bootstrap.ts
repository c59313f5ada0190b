import { DynamicModule, Module, StandardSchemaValidationPipe, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Kafka } from 'kafkajs';
import type { DestinationStream } from 'pino';
import { migrateDatabase, Transactions } from '@bazaar/platform-database';
import { ConsumerStatus, KafkaEventServer, requestContext, runInMessageContext } from '@bazaar/platform-messaging';
import { deadLetterTopic } from '@bazaar/published-language';
import { BEARER_SCHEME } from './access/access-rule';
import { prefixedTopic, type ServiceConfig } from './config';
import { ProblemDetailsFilter, RequestValidationFailed } from './http/problem-details';
import { limitRequests, problemOnClientError, problemOnFrameworkError, requestLimitsOf } from './http/request-limits';
import { createLogger, JsonLogger } from './logger';
import { observeHttp } from './observability/http';
import { ServiceMetrics } from './observability/metrics';
import { atStart, migrationsOf, PlatformModule, ServiceDefinition } from './platform.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { KAFKA } from './tokens';

export interface ServiceOptions {
  readonly definition: ServiceDefinition;
  readonly config: ServiceConfig;
  /** The context's own module: controllers, consumers, handlers, repositories. */
  readonly module: Type | DynamicModule;
  readonly openApi: { readonly title: string; readonly description: string };
  /** Where the JSON logs go; stdout unless a spec reads them. */
  readonly logDestination?: DestinationStream;
}

/** Builds and starts one service: HTTP on Fastify and its Kafka consumer, in one process. */
export async function startService(options: ServiceOptions): Promise<NestFastifyApplication> {
  const { definition, config } = options;
  const logger = new JsonLogger(createLogger(definition.name, config.LOG_LEVEL, options.logDestination));
  const metrics = new ServiceMetrics(definition.name, config.KAFKA_CONSUMER_GROUP);

  @Module({ imports: [PlatformModule.forService(definition, config, logger, metrics), RateLimitModule.forService(config), options.module] })
  class ServiceModule {}

  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    clientErrorHandler: problemOnClientError,
    frameworkErrors: problemOnFrameworkError,
    // While closing, new requests get 503 (and the load balancer moves on); those in hand finish.
    return503OnClosing: true,
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.HTTP_CONNECTION_TIMEOUT_MS,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ServiceModule, adapter, { logger, bufferLogs: true, abortOnError: false });
  // First the request's own limits (an invalid trace context is dropped before the span reads it),
  // then the request's span, metrics and access log wrap everything else, /metrics is served.
  limitRequests(app.getHttpAdapter().getInstance(), requestLimitsOf(config));
  observeHttp(app.getHttpAdapter().getInstance(), metrics, logger);
  configureHttp(app, logger);
  documentApi(app, options.openApi);

  if (definition.consumes.length > 0) {
    app.connectMicroservice(
      {
        strategy: new KafkaEventServer({
          kafka: app.get<Kafka>(KAFKA),
          groupId: config.KAFKA_CONSUMER_GROUP,
          topics: definition.consumes.map((topic) => prefixedTopic(config, topic)),
          deadLetterTopic: prefixedTopic(config, deadLetterTopic(definition.name)),
          initialBackoffMs: config.CONSUMER_INITIAL_BACKOFF_MS,
          maxBackoffMs: config.CONSUMER_MAX_BACKOFF_MS,
          partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENCY,
          fetch: { minBytes: config.KAFKA_FETCH_MIN_BYTES, maxWaitTimeInMs: config.KAFKA_FETCH_MAX_WAIT_MS },
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
          commitIntervalMs: config.KAFKA_COMMIT_INTERVAL_MS,
          replaceConsumerAfterMs: config.CONSUMER_REPLACE_AFTER_MS,
          batchTransaction: { unitOfWork: app.get(Transactions), maxMessages: config.CONSUMER_BATCH_MAX_MESSAGES, concurrency: config.CONSUMER_SHARED_TRANSACTIONS },
          status: app.get(ConsumerStatus),
          logger,
          metrics,
        }),
      },
      { inheritAppConfig: true },
    );
  }
  app.enableShutdownHooks();
  armShutdownDeadline(config.SHUTDOWN_TIMEOUT_MS, logger);
  await app.startAllMicroservices();
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.log({ msg: `${definition.name} listening`, url: await app.getUrl() });
  return app;
}

/**
 * Errors Fastify raises before a route runs (malformed JSON, a body too large) reach Nest's own
 * handler, which wraps them in an HttpException, so the one problem filter answers them too.
 */
function configureHttp(app: NestFastifyApplication, logger: JsonLogger): void {
  const onServerError = (error: unknown) => logger.error(error instanceof Error ? error : { msg: 'server error', err: String(error) });
  app.useGlobalFilters(new ProblemDetailsFilter(onServerError));
  app.useGlobalPipes(new StandardSchemaValidationPipe({ exceptionFactory: (issues) => RequestValidationFailed.fromIssues(issues) }));
  const fastify = app.getHttpAdapter().getInstance();
  // Every request runs in its own message context: its correlation id and trace reach the outbox.
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = requestContext({
      correlationId: headerOf(request.headers['x-correlation-id']),
      traceparent: headerOf(request.headers['traceparent']),
      tracestate: headerOf(request.headers['tracestate']),
    });
    reply.header('x-correlation-id', context.correlationId);
    runInMessageContext(context, done);
  });
}

/**
 * Nest drains on SIGTERM/SIGINT: HTTP stops taking requests (503) and finishes those in hand, the
 * consumer finishes the messages in hand, commits their offsets and leaves its group, then the
 * relay stops and the pool closes. Something stuck in there (a broker that never answers) must not
 * keep a replica from going away: past the deadline the process exits anyway.
 */
function armShutdownDeadline(deadlineMs: number, logger: JsonLogger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error({ msg: 'shutdown did not finish in time; exiting', signal, deadlineMs });
        process.exit(1);
      }, deadlineMs).unref();
    });
  }
}

function documentApi(app: NestFastifyApplication, info: ServiceOptions['openApi']): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(info.title)
      .setDescription(info.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token of the configured issuer (docs/access.md)' }, BEARER_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `main.js migrate` applies migrations and exits (a Kubernetes Job / init container); anything else serves. */
export async function runService(options: ServiceOptions): Promise<void> {
  if (process.argv[2] === 'migrate') {
    const logger = new JsonLogger(createLogger(options.definition.name, options.config.LOG_LEVEL, options.logDestination));
    const applied = await atStart(options.config, logger, () => migrateDatabase(migrationsOf(options.definition, options.config)));
    process.stdout.write(`${JSON.stringify({ service: options.definition.name, msg: 'migrations applied', applied })}\n`);
    return;
  }
  await startService(options);
}

/** Runs an app's `main`; if it fails, one fatal JSON log line on stderr (its stack included) and exit code 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${JSON.stringify({ service, level: 'fatal', msg: String(error), stack: error instanceof Error ? error.stack : undefined })}\n`);
    process.exit(1);
  });
}
