import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PreparingClient } from '@bazaar/platform-database';
import { ConsumerMetrics, ConsumerStatus, errorTypeOf, OutboxMetrics } from '@bazaar/platform-messaging';
import {
  consumerLag,
  consumerRetries,
  databaseStatements,
  deadLetters,
  handlerDuration,
  httpRequestDuration,
  MetricDeclaration,
  outboxBacklog,
  outboxOldestAge,
  outboxPublished,
  periodicTaskRuns,
  rateLimitFailOpen,
  rateLimited,
  stalledPartitions,
} from './metric-catalog';
import type { PeriodicTaskMetrics } from '../scheduling/periodic-task';

/** Seconds: 5 ms to 10 s for HTTP (p99 sits around 40 ms at 100 orders/s, docs/benchmark.md). */
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: handler runs include their transaction (and a gateway call for some). */
const handlerBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const spec = <T extends MetricDeclaration>(metric: T) => ({ name: metric.name, help: metric.help, labelNames: [...metric.labels] });

/**
 * One service's Prometheus registry: the metrics of `metric-catalog.ts` plus prom-client's process
 * and Node.js defaults, every series labelled with the service's name. It is the messaging runtime's
 * metrics sink (consumer and outbox) and is served on `GET /metrics`.
 */
export class ServiceMetrics implements ConsumerMetrics, OutboxMetrics, PeriodicTaskMetrics {
  readonly registry = new Registry();
  readonly #httpDuration: Histogram<string>;
  readonly #published: Counter<string>;
  readonly #lag: Gauge<string>;
  readonly #handlerDuration: Histogram<string>;
  readonly #retries: Counter<string>;
  readonly #deadLetters: Counter<string>;
  #consumerStatus: ConsumerStatus | undefined;
  readonly #rateLimited: Counter<string>;
  readonly #rateLimitFailOpen: Counter<string>;
  readonly #periodicTaskRuns: Counter<string>;
  #outboxStats: (() => Promise<{ backlog: number; oldestAgeSeconds: number }>) | undefined;

  constructor(
    service: string,
    private readonly consumerGroup: string,
  ) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.#httpDuration = new Histogram({ ...spec(httpRequestDuration), buckets: httpBuckets, registers });
    this.#published = new Counter({ ...spec(outboxPublished), registers });
    this.#lag = new Gauge({ ...spec(consumerLag), registers });
    this.#handlerDuration = new Histogram({ ...spec(handlerDuration), buckets: handlerBuckets, registers });
    this.#retries = new Counter({ ...spec(consumerRetries), registers });
    this.#deadLetters = new Counter({ ...spec(deadLetters), registers });
    // Stalled partitions are the consumer status' own record (also behind /health/kafka), read on scrape.
    const consumerStatus = () => this.#consumerStatus;
    const group = consumerGroup;
    new Gauge({
      ...spec(stalledPartitions),
      registers,
      collect() {
        const status = consumerStatus();
        if (!status) return;
        this.reset();
        const perTopic = new Map<string, number>();
        for (const { topic } of status.snapshot().stalled) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
        for (const [topic, count] of perTopic) this.set({ group, topic }, count);
      },
    });
    this.#rateLimited = new Counter({ ...spec(rateLimited), registers });
    this.#rateLimitFailOpen = new Counter({ ...spec(rateLimitFailOpen), registers });
    this.#periodicTaskRuns = new Counter({ ...spec(periodicTaskRuns), registers });
    // The outbox is read on scrape, in one query, so the numbers are never stale.
    const stats = () => this.#outboxStats?.() ?? Promise.resolve(undefined);
    // Counted where every statement is sent (PreparingClient), read on scrape.
    new Counter({
      ...spec(databaseStatements),
      registers,
      collect() {
        this.reset();
        this.inc(PreparingClient.statementsSent);
      },
    });
    new Gauge({
      ...spec(outboxBacklog),
      registers,
      async collect() {
        const current = await stats();
        if (current) this.set(current.backlog);
      },
    });
    new Gauge({
      ...spec(outboxOldestAge),
      registers,
      async collect() {
        const current = await stats();
        if (current) this.set(current.oldestAgeSeconds);
      },
    });
  }

  /** Where the outbox gauges read from (the relay's `stats()`), once the database is up. */
  readOutboxFrom(stats: () => Promise<{ backlog: number; oldestAgeSeconds: number }>): void {
    this.#outboxStats = stats;
  }

  /** Where the stalled-partitions gauge reads from: the consumer's status, kept by the Kafka transport. */
  readConsumerFrom(status: ConsumerStatus): ConsumerStatus {
    this.#consumerStatus = status;
    return status;
  }

  /** Prometheus' text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  httpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.#httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** A request refused with 429: its caller was over the route class's limit. */
  rateLimited(routeClass: string): void {
    this.#rateLimited.inc({ route_class: routeClass });
  }

  /** A request served unchecked: Redis did not answer the rate limiter. */
  rateLimitFailedOpen(routeClass: string): void {
    this.#rateLimitFailOpen.inc({ route_class: routeClass });
  }

  periodicTaskRan(task: string, outcome: 'succeeded' | 'failed'): void {
    this.#periodicTaskRuns.inc({ task, outcome });
  }

  published(topic: string, count: number): void {
    this.#published.inc({ topic }, count);
  }

  positionAdvanced(topic: string, partition: number, offset: string, highWatermark: string): void {
    const lag = BigInt(highWatermark) - BigInt(offset) - 1n;
    this.#lag.set({ group: this.consumerGroup, topic, partition: String(partition) }, Number(lag > 0n ? lag : 0n));
  }

  handlerRan(run: { topic: string; partition: number; eventType: string; outcome: 'handled' | 'failed'; seconds: number }): void {
    this.#handlerDuration.observe({ event_type: run.eventType, outcome: run.outcome }, run.seconds);
  }

  retrying(topic: string, _partition: number, error: unknown): void {
    this.#retries.inc({ topic, error_type: errorTypeOf(error) });
  }

  deadLettered(topic: string, _partition: number, error: unknown): void {
    this.#deadLetters.inc({ topic, error_type: errorTypeOf(error) });
  }
}
