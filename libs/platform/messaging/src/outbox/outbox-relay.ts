import { setTimeout as sleep } from 'node:timers/promises';
import { IHeaders, Producer, TopicMessages } from 'kafkajs';
import { DataSource, QueryRunner } from 'typeorm';
import { EventHeaders } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { OutboxMetrics } from '../observability';
import { endPublishSpans, startPublishSpan } from '../tracing';

export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  /** An idempotent kafkajs producer; the relay connects it (again after a failed connect), so it starts while the broker is down. */
  readonly producer: Producer;
  /** Advisory lock key: one publisher per database at a time, whatever the number of replicas. */
  readonly lockKey: number;
  readonly batchSize: number;
  /** How often an idle relay looks anyway: for rows no `wake` announced (another replica's, another writer's). */
  readonly pollIntervalMs: number;
  /** Published rows are kept this long for inspection, then purged. */
  readonly retentionHours: number;
  readonly logger: PlatformLogger;
  /** Counts what the broker acknowledged, by topic. */
  readonly metrics?: OutboxMetrics;
}

/**
 * While this process has rows waiting and another replica holds the publishing lock, it looks again
 * this soon: the other's batch may have been chosen before those rows committed.
 */
const LOCK_TAKEN_RETRY_MS = 20;

interface OutboxRow {
  position: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  /** The envelope's JSON text, read as text: no parse and re-serialize per message; null for a tombstone (Outbox.appendTombstone). */
  payload: string | null;
  headers: Record<string, string>;
}

/** A marking statement's rows: whether it won the lock, and the events it marked (none: one row of nulls). */
type MarkedRow = { won: boolean } & (OutboxRow | { [K in keyof OutboxRow]: null });

/**
 * Publishes committed outbox rows to Kafka in position order and marks them only after the broker
 * acknowledged them (acks=all). A crash between the two re-sends the batch: consumers deduplicate
 * by event id, so the system is at-least-once and never loses an event.
 *
 * It runs while there is work: `wake` (the service's `Outbox` calls it when a unit of work that
 * wrote events commits) or a full batch sends it round again at once; otherwise it looks every
 * `pollIntervalMs`. (Not a database NOTIFY: that serialised every writer's commit, ADR 0011.)
 * While it runs it holds one connection of `dataSource`'s pool (a service sizes its pool one
 * larger for it), so that it never queues behind the units of work it publishes for.
 */
export class OutboxRelay {
  #running = false;
  #workSignalled = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #producerConnected: Promise<void> | undefined;
  #lastPurge = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
  }

  /** Rows have committed: publish them now rather than at the next poll. */
  wake(): void {
    this.#workSignalled = true;
    this.#wake?.();
  }

  /** What waits to be published, in one cheap query (the partial index holds only unpublished rows): for metrics. */
  async stats(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM outbox WHERE published_at IS NULL`,
    )) as { backlog: number; oldest: number }[];
    return { backlog: row?.backlog ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
  }

  /** Number of rows waiting to be published (for readiness and benchmarks). */
  async backlog(): Promise<number> {
    const [row] = await this.options.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return (row as { n: number }).n;
  }

  /**
   * Publishes one batch if this replica wins the lock; returns how many rows it published. One
   * statement takes the lock, picks the oldest unpublished rows and marks them; the marks commit
   * only after the broker acknowledged the batch, so a failed send rolls them back (and a crash
   * before the commit re-sends: at-least-once). Another replica's tick finds the lock taken.
   *
   * The statement's snapshot is taken before the lock: a replica held up between the two can win
   * the lock just after another published and committed, while its snapshot still shows those
   * rows unpublished. `published_at IS NULL` on the UPDATE itself is re-checked against each row's
   * latest committed version (READ COMMITTED re-evaluates an UPDATE's condition on a row changed
   * since the snapshot), so such rows are skipped instead of sent twice.
   */
  async publishBatch(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    try {
      return (await this.tick(runner)).published;
    } finally {
      await runner.release();
    }
  }

  private async tick(runner: QueryRunner): Promise<{ won: boolean; published: number }> {
    await runner.startTransaction();
    try {
      const published = await this.markAndSend(runner);
      await runner.commitTransaction();
      return published;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }

  /** In the tick's transaction: takes the lock, marks the oldest unpublished rows and sends them. */
  private async markAndSend(runner: QueryRunner): Promise<{ won: boolean; published: number }> {
    const { producer, lockKey, batchSize } = this.options;
    const marked = (await runner.query(
      `WITH leader AS (SELECT pg_try_advisory_xact_lock($1) AS won),
       marked AS (
         UPDATE outbox SET published_at = now()
          WHERE (SELECT won FROM leader) AND published_at IS NULL AND position IN (
            SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $2)
          RETURNING position, event_id, event_type, topic, message_key, payload::text AS payload, headers)
       SELECT leader.won, marked.position, marked.event_id, marked.event_type, marked.topic, marked.message_key, marked.payload, marked.headers
         FROM leader LEFT JOIN marked ON true`,
      [lockKey, batchSize],
    )) as MarkedRow[];
    const won = marked[0]?.won === true;
    const rows = marked.filter((row): row is MarkedRow & OutboxRow => row.position !== null);
    if (rows.length === 0) return { won, published: 0 };
    // RETURNING follows the scan, not the ORDER BY: restore position order (per key, it is the publish order).
    rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
    // One publish span per row, continuing the trace the writer stored; consumers continue the span.
    const spans = rows.map((row) => {
      const { span, traceparent } = startPublishSpan({
        topic: row.topic,
        eventId: row.event_id,
        eventType: row.event_type,
        traceparent: row.headers[EventHeaders.traceparent],
        tracestate: row.headers[EventHeaders.tracestate],
      });
      if (traceparent) row.headers = { ...row.headers, [EventHeaders.traceparent]: traceparent };
      return span;
    });
    const topicMessages = toTopicMessages(rows);
    try {
      await producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      endPublishSpans(spans, error);
      throw error;
    }
    endPublishSpans(spans);
    for (const { topic, messages } of topicMessages) this.options.metrics?.published(topic, messages.length);
    return { won, published: rows.length };
  }

  private async run(): Promise<void> {
    let failures = 0;
    // Rows of this process wait to be published (a wake, or whatever was written before the start).
    let ownRowsWaiting = true;
    // The relay's own connection, held while it runs: under load the service's units of work queue
    // for the pool, and a relay queued behind them let the outbox grow (docs/benchmark.md, session 11).
    let runner: QueryRunner | undefined;
    try {
      while (this.#running) {
        ownRowsWaiting ||= this.#workSignalled;
        this.#workSignalled = false;
        let tick: { won: boolean; published: number };
        try {
          await this.connectProducer();
          runner ??= this.options.dataSource.createQueryRunner();
          tick = await this.tick(runner);
          failures = 0;
          await this.purgeIfDue(runner);
        } catch (error) {
          failures += 1;
          this.options.logger.warn({ msg: 'outbox relay batch failed; will retry', err: String(error), failures });
          // The connection may be what failed: the next attempt takes another.
          await runner?.release().catch(() => undefined);
          runner = undefined;
          await sleep(Math.min(100 * 2 ** failures, 5_000));
          continue;
        }
        // A tick that won saw every row committed before it began: this process's included.
        if (tick.won) ownRowsWaiting = false;
        if (tick.published === this.options.batchSize || this.#workSignalled) continue;
        await this.idle(ownRowsWaiting ? LOCK_TAKEN_RETRY_MS : this.options.pollIntervalMs);
      }
    } finally {
      await runner?.release().catch(() => undefined);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = done;
      this.#wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private connectProducer(): Promise<void> {
    this.#producerConnected ??= this.options.producer.connect().catch((error: unknown) => {
      this.#producerConnected = undefined;
      throw error;
    });
    return this.#producerConnected;
  }

  private async purgeIfDue(runner: QueryRunner): Promise<void> {
    if (Date.now() - this.#lastPurge < 60_000) return;
    this.#lastPurge = Date.now();
    await runner.query(
      `DELETE FROM outbox WHERE position IN (
         SELECT position FROM outbox WHERE published_at < now() - make_interval(hours => $1) LIMIT 10000)`,
      [this.options.retentionHours],
    );
  }
}

function toTopicMessages(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    const entry = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
    entry.messages.push({
      key: row.message_key,
      value: row.payload,
      headers: row.headers as IHeaders,
    });
    byTopic.set(row.topic, entry);
  }
  return [...byTopic.values()];
}
