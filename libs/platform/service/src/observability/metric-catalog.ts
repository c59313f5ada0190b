/**
 * Every metric a Bazaar service exports on `GET /metrics`, declared once: the registry registers
 * these (and nothing else of its own), and tools/deploy checks that every series the alert rules
 * and the Grafana dashboard query is one of them. Prometheus conventions: base units (`_seconds`,
 * `_bytes`), counters end in `_total`, histograms expose `_bucket`/`_sum`/`_count`. Every series
 * also carries `service` (the context's name). docs/operations.md says what each one means.
 */
export interface MetricDeclaration {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  readonly help: string;
  readonly labels: readonly string[];
}

export const httpRequestDuration = {
  name: 'http_server_request_duration_seconds',
  type: 'histogram',
  help: 'HTTP requests served, by method, route template and status code, and how long each took.',
  labels: ['method', 'route', 'status_code'],
} as const satisfies MetricDeclaration;

export const outboxBacklog = {
  name: 'bazaar_outbox_backlog_messages',
  type: 'gauge',
  help: 'Outbox rows committed but not yet published to Kafka (read on scrape).',
  labels: [],
} as const satisfies MetricDeclaration;

export const outboxOldestAge = {
  name: 'bazaar_outbox_oldest_unpublished_age_seconds',
  type: 'gauge',
  help: 'Age of the oldest unpublished outbox row, 0 when none waits (read on scrape).',
  labels: [],
} as const satisfies MetricDeclaration;

export const outboxPublished = {
  name: 'bazaar_outbox_published_total',
  type: 'counter',
  help: 'Messages the outbox relay published and the broker acknowledged, by topic.',
  labels: ['topic'],
} as const satisfies MetricDeclaration;

export const consumerLag = {
  name: 'bazaar_consumer_lag_messages',
  type: 'gauge',
  help: "Messages on a partition after this consumer group's position (high watermark minus the next offset to handle).",
  labels: ['group', 'topic', 'partition'],
} as const satisfies MetricDeclaration;

export const handlerDuration = {
  name: 'bazaar_consumer_handler_duration_seconds',
  type: 'histogram',
  help: 'Consumer handler runs (the handler and its transaction), by event type and outcome (handled, or failed: it threw and the message is retried or dead-lettered).',
  labels: ['event_type', 'outcome'],
} as const satisfies MetricDeclaration;

export const consumerRetries = {
  name: 'bazaar_consumer_retries_total',
  type: 'counter',
  help: 'Transient handler failures that were retried, by topic and error type.',
  labels: ['topic', 'error_type'],
} as const satisfies MetricDeclaration;

export const deadLetters = {
  name: 'bazaar_dead_letters_total',
  type: 'counter',
  help: "Messages parked on the context's dead-letter topic, by source topic and error type.",
  labels: ['topic', 'error_type'],
} as const satisfies MetricDeclaration;

export const stalledPartitions = {
  name: 'bazaar_consumer_stalled_partitions',
  type: 'gauge',
  help: 'Partitions whose head message is being retried (the partition does not advance meanwhile), by group and topic.',
  labels: ['group', 'topic'],
} as const satisfies MetricDeclaration;

export const rateLimited = {
  name: 'bazaar_rate_limit_rejected_total',
  type: 'counter',
  help: 'Requests refused with 429 because their caller was over the limit of the route class (read or write).',
  labels: ['route_class'],
} as const satisfies MetricDeclaration;

export const rateLimitFailOpen = {
  name: 'bazaar_rate_limit_fail_open_total',
  type: 'counter',
  help: 'Requests served without a rate-limit check because Redis did not answer (failed open), by route class.',
  labels: ['route_class'],
} as const satisfies MetricDeclaration;

export const periodicTaskRuns = {
  name: 'bazaar_periodic_task_runs_total',
  type: 'counter',
  help: 'Rounds of a periodic task (a poller such as the subscription renewal clock), by task and outcome (succeeded, or failed: logged, and the next round tries again).',
  labels: ['task', 'outcome'],
} as const satisfies MetricDeclaration;

export const databaseStatements = {
  name: 'bazaar_database_statements_total',
  type: 'counter',
  help: "Statements sent to the context's PostgreSQL (BEGIN and COMMIT included), each one round trip (read on scrape).",
  labels: [],
} as const satisfies MetricDeclaration;

/** Bazaar's own metrics. */
export const metricCatalog: readonly MetricDeclaration[] = [
  httpRequestDuration,
  outboxBacklog,
  outboxOldestAge,
  outboxPublished,
  consumerLag,
  handlerDuration,
  consumerRetries,
  deadLetters,
  stalledPartitions,
  rateLimited,
  rateLimitFailOpen,
  periodicTaskRuns,
  databaseStatements,
];

/**
 * prom-client's process and Node.js metrics (`collectDefaultMetrics`) that alerts and dashboards
 * use; the registry spec checks each is exported.
 */
export const runtimeMetricNames: readonly string[] = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'nodejs_heap_size_total_bytes',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_eventloop_lag_mean_seconds',
];

/** Series Prometheus itself adds to every scrape target. */
export const scrapeMetricNames: readonly string[] = ['up', 'scrape_duration_seconds'];

/** Every series name a query may use: histograms expand to their `_bucket`, `_sum` and `_count`. */
export function exportedSeriesNames(): Set<string> {
  const own = metricCatalog.flatMap((metric) => (metric.type === 'histogram' ? [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`] : [metric.name]));
  return new Set([...own, ...runtimeMetricNames, ...scrapeMetricNames]);
}
