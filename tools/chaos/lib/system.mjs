/**
 * The system under chaos: the four built services as production processes on throw-away databases
 * and topics (the benchmark's process and database helpers), on the run's own broker, with as
 * many replicas as the faults leave it. Everything a fault does to a process goes through here.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { kafkaBrokers } from '../../stack/lib/config.mjs';
import { serveIssuer } from '../../stack/lib/issuer.mjs';
import { createDatabase, databaseUrl, dropDatabase, poolFor } from '../../bench/lib/system/databases.mjs';
import { freePort, spawnService, stopChild, waitReady } from '../../bench/lib/system/services.mjs';
import { createTopics, deleteRunTopics, kafkaClient } from '../../bench/lib/system/topics.mjs';

/** The run's key-encryption key for buyers' personal data (PERSONAL_DATA_KEKS), shared by every replica. */
const runKeks = `run:${randomBytes(32).toString('base64')}`;
/** The run's key-encryption key Checkout shares with Support for buyers' data keys (PERSONAL_DATA_SHARING_KEKS), the same for every replica. */
const runSharingKeks = `run-share:${randomBytes(32).toString('base64')}`;

export const CONTEXTS = ['checkout', 'fulfillment', 'finance', 'support'];
/** The chaos tool's own connections carry this name, so terminating a service's connections spares them. */
export const OWN_APPLICATION_NAME = 'bazaar-chaos';

/**
 * Settings the run needs whatever it injects: a paid order that Fulfillment never answers is
 * cancelled after this long (so every order reaches a final state within the run), replicas leave a
 * group soon after they stop answering, small pools (up to twelve replicas share one PostgreSQL,
 * whose connections are limited), and logs keep to warnings.
 */
export const CHAOS_DEFAULTS = {
  all: { LOG_LEVEL: 'warn', KAFKA_SESSION_TIMEOUT_MS: '10000', SHUTDOWN_TIMEOUT_MS: '20000', DATABASE_POOL_SIZE: '3' },
  // Long enough that a broker restart does not time reservations out; short enough to end an order that lost its answer.
  checkout: { ORDER_RESERVATION_TIMEOUT_MS: '120000' },
};

/** @typedef {'starting' | 'running' | 'paused' | 'stopping' | 'gone'} ReplicaState */
/** @typedef {{ ctx: string, n: number, port: number, url: string, child: import('node:child_process').ChildProcess, state: ReplicaState, killed?: boolean }} Replica */
/** @typedef {{ replica: string, code: number | null, signal: string | null, atMs: number, log: string }} Crash */

export class ChaosSystem {
  /** @type {Map<string, Replica[]>} */
  replicas = new Map(CONTEXTS.map((ctx) => [ctx, []]));
  #count = 0;
  /** @type {Record<string, import('pg').Pool>} */
  pools = {};
  /** @type {Crash[]} replicas that exited on their own: neither killed nor scaled away by the run */
  crashes = [];
  #startedAt = Date.now();
  #stopping = false;

  constructor({ runId, logDir, envFor, log }) {
    this.runId = runId;
    this.logDir = logDir;
    this.envFor = envFor;
    this.log = log;
    this.prefix = `chaos-${runId}.`;
    this.databases = Object.fromEntries(CONTEXTS.map((ctx) => [ctx, `chaos_${runId}_${ctx}`]));
    this.groupIds = Object.fromEntries(CONTEXTS.map((ctx) => [ctx, `${ctx}.chaos-${runId}`]));
    this.kafka = kafkaClient();
    this.admin = this.kafka.admin();
    this.adminDb = poolFor('postgres', OWN_APPLICATION_NAME);
  }

  /** Topics, databases, then one replica of each service; resolves when all four are ready. */
  async start() {
    // The run's own token issuer: every replica verifies the workload's tokens against its keys.
    this.issuer = await serveIssuer({ port: 0 });
    await this.admin.connect();
    await createTopics(this.admin, this.prefix);
    for (const ctx of CONTEXTS) await createDatabase(this.databases[ctx]);
    await Promise.all(CONTEXTS.map((ctx) => this.addReplica(ctx)));
    for (const ctx of CONTEXTS) {
      this.pools[ctx] = poolFor(this.databases[ctx], OWN_APPLICATION_NAME);
    }
  }

  topic(name) {
    return `${this.prefix}${name}`;
  }

  /** Replicas of a service that are up and not paused (what a load balancer would send to). */
  serving(ctx) {
    return this.replicas.get(ctx).filter((replica) => replica.state === 'running');
  }

  /** Replicas of a service that exist (running, paused or starting). */
  alive(ctx) {
    return this.replicas.get(ctx).filter((replica) => replica.state !== 'gone' && replica.state !== 'stopping');
  }

  /** Starts one more replica of a service and waits until it is ready (its database answers). */
  async addReplica(ctx) {
    const port = await freePort();
    const n = ++this.#count;
    const env = {
      PORT: String(port),
      DATABASE_URL: databaseUrl(this.databases[ctx]),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_CONSUMER_GROUP: this.groupIds[ctx],
      // The load comes from one address: limits high enough never to refuse it, counted in the run's own buckets.
      RATE_LIMIT_KEY_PREFIX: `${this.prefix}rate-limit:`,
      RATE_LIMIT_WRITE_POINTS: '100000000',
      RATE_LIMIT_READ_POINTS: '100000000',
      AUTH_ISSUER: this.issuer.url,
      // One key-encryption key for the run: every Checkout replica opens what another sealed; one shared with Support.
      PERSONAL_DATA_KEKS: runKeks,
      PERSONAL_DATA_SHARING_KEKS: runSharingKeks,
      ...CHAOS_DEFAULTS.all,
      ...(CHAOS_DEFAULTS[ctx] ?? {}),
      ...(this.envFor[ctx] ?? {}),
    };
    const child = spawnService({ name: ctx, env, logFile: join(this.logDir, `${ctx}-${n}.log`) });
    /** @type {Replica} */
    const replica = { ctx, n, port, url: `http://127.0.0.1:${port}`, child, state: 'starting' };
    this.replicas.get(ctx).push(replica);
    child.once('exit', (code, signal) => {
      const expected = replica.killed || replica.state === 'stopping' || this.#stopping;
      replica.state = 'gone';
      if (expected) return;
      // A fault must never take a replica down by itself: recorded (a violation), then replaced as an orchestrator would.
      this.crashes.push({ replica: `${ctx}#${n}`, code, signal, atMs: Date.now() - this.#startedAt, log: `logs/${ctx}-${n}.log` });
      this.log?.(`${ctx}#${n} exited on its own (${code ?? signal}); starting a replacement`);
      this.addReplica(ctx).catch((error) => this.log?.(`replacing ${ctx}#${n}: ${error.message}`));
    });
    try {
      await waitReady(child, replica.url, 120_000, `${ctx}#${n}`);
    } catch (error) {
      replica.killed = true;
      child.kill('SIGKILL');
      throw error;
    }
    if (replica.state === 'starting') replica.state = 'running';
    return replica;
  }

  /** SIGKILL: a crash or an OOM kill; nothing is cleaned up. */
  async kill(replica) {
    if (replica.state === 'gone') return;
    const exited = new Promise((resolve) => replica.child.once('exit', resolve));
    replica.killed = true;
    replica.child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: a replica scaled away; it drains (HTTP, consumer, relay) and leaves its group. */
  async remove(replica) {
    replica.state = 'stopping';
    await stopChild(replica.child, 30_000);
  }

  /** SIGSTOP: the process freezes (a long GC pause, a stalled VM); its connections stay open and silent. */
  pause(replica) {
    if (replica.state !== 'running') return false;
    replica.child.kill('SIGSTOP');
    replica.state = 'paused';
    return true;
  }

  resume(replica) {
    if (replica.state !== 'paused') return;
    replica.child.kill('SIGCONT');
    replica.state = 'running';
  }

  /** Ends every connection the service's replicas hold to its database (a failover would); answers how many. */
  async terminateConnections(ctx) {
    const { rows } = await this.adminDb.query(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> $2`,
      [this.databases[ctx], OWN_APPLICATION_NAME],
    );
    return rows[0].n;
  }

  /** Stops every replica (resuming paused ones first), then drops what the run created unless kept. */
  async stop({ keep }) {
    this.#stopping = true;
    const all = [...this.replicas.values()].flat().filter((replica) => replica.state !== 'gone');
    for (const replica of all) this.resume(replica);
    await Promise.all(all.map((replica) => stopChild(replica.child, 30_000)));
    await Promise.all(Object.values(this.pools).map((pool) => pool.end().catch(() => undefined)));
    if (!keep) {
      for (const name of Object.values(this.databases)) await dropDatabase(name).catch(() => undefined);
      await deleteRunTopics(this.admin, this.prefix, Object.values(this.groupIds)).catch(() => undefined);
    }
    await this.adminDb.end().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    await this.issuer?.close().catch(() => undefined);
  }
}
