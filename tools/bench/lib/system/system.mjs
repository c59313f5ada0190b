/**
 * The system under test, isolated from everything else on the machine: the four built services as
 * production processes on fresh throw-away databases, a fresh topic prefix and their own consumer
 * groups, on the local stack's broker and PostgreSQL. Nothing of the developer's `npm run up`
 * stack (its bazaar_* databases, topics, ports) is touched.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { kafkaBrokers } from '../../../stack/lib/config.mjs';
import { serveIssuer } from '../../../stack/lib/issuer.mjs';
import { onInterrupt } from '../cleanup.mjs';
import { createDatabase, databaseUrl, dropDatabase, maintainLikeAutovacuum, poolFor } from './databases.mjs';
import { freePort, spawnService, stopChild, waitReady } from './services.mjs';
import { createTopics, deleteRunTopics, kafkaClient } from './topics.mjs';
import { SKUS } from '../load/orders.mjs';

/** The run's key-encryption key for buyers' personal data (PERSONAL_DATA_KEKS), shared by every replica. */
const runKeks = `run:${randomBytes(32).toString('base64')}`;
/** The run's key-encryption key Checkout shares with Support for buyers' data keys (PERSONAL_DATA_SHARING_KEKS), the same for every replica. */
const runSharingKeks = `run-share:${randomBytes(32).toString('base64')}`;

export const CONTEXTS = ['checkout', 'fulfillment', 'finance', 'support'];

/**
 * Units of each benchmark SKU on the shelf: far more than any run orders (a full run places well under
 * a million orders of at most four units of a SKU), so every order is reserved and confirmed.
 */
export const STOCK_PER_SKU = 100_000_000;

/**
 * @param {{ runId: string, logDir: string, env: Record<string, string>, envFor: Record<string, Record<string, string>>,
 *           replicas?: Record<string, number>, readyTimeoutMs?: number, log: (msg: string) => void }} o
 */
export async function startSystem({ runId, logDir, env, envFor, replicas = {}, readyTimeoutMs = 90_000, log }) {
  const prefix = `bench-${runId}.`;
  const database = (ctx) => `bench_${runId}_${ctx}`;
  const groupIds = Object.fromEntries(CONTEXTS.map((ctx) => [ctx, `${ctx}.bench-${runId}`]));
  const kafka = kafkaClient();
  const admin = kafka.admin();
  await admin.connect();
  // The run's own token issuer (the local issuer's key, an ephemeral port): the services verify every request.
  const issuer = await serveIssuer({ port: 0 });
  const system = { runId, prefix, groupIds, admin, issuer, services: [], pools: {}, databases: CONTEXTS.map(database) };
  const undo = onInterrupt(() => stopSystem(system, { keep: false }));
  system.stop = (opts) => {
    undo();
    return stopSystem(system, opts);
  };
  try {
    log(`topics ${prefix}* and databases bench_${runId}_*`);
    await createTopics(admin, prefix);
    for (const ctx of CONTEXTS) await createDatabase(database(ctx));
    for (const ctx of CONTEXTS) {
      for (let replica = 1; replica <= (replicas[ctx] ?? 1); replica += 1) await startService(ctx, replica);
    }
    const counts = CONTEXTS.map((ctx) => `${ctx}${(replicas[ctx] ?? 1) > 1 ? ` ×${replicas[ctx]}` : ''}`);
    log(`starting ${counts.join(', ')} (NODE_ENV=production, LOG_LEVEL=${env.LOG_LEVEL ?? 'warn'})`);
    await Promise.all(system.services.map((s) => waitReady(s.child, s.url, readyTimeoutMs, s.label)));
    for (const ctx of CONTEXTS) system.pools[ctx] = poolFor(database(ctx));
    system.stopMaintenance = await maintainLikeAutovacuum(Object.values(system.pools), log);
    log(`stocking ${SKUS.length} SKUs with ${STOCK_PER_SKU} units each (PUT /stock/:sku)`);
    await stockWarehouse(system.services.find((s) => s.name === 'fulfillment').url, issuer.token('warehouse', 'bench-warehouse'));
    return system;
  } catch (error) {
    await system.stop({ keep: false }).catch(() => undefined);
    throw error;
  }

  /** One process of a context: its own port and log, the context's database, group and settings. */
  async function startService(ctx, replica) {
    const port = await freePort();
    const serviceEnv = {
      PORT: String(port),
      DATABASE_URL: databaseUrl(database(ctx)),
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_CONSUMER_GROUP: groupIds[ctx],
      LOG_LEVEL: 'warn',
      // The load comes from one address: limits high enough never to refuse it, counted in the run's own buckets.
      RATE_LIMIT_KEY_PREFIX: `${prefix}rate-limit:`,
      RATE_LIMIT_WRITE_POINTS: '100000000',
      RATE_LIMIT_READ_POINTS: '100000000',
      AUTH_ISSUER: issuer.url,
      // One key-encryption key for the run: every Checkout replica opens what another sealed; one shared with Support.
      PERSONAL_DATA_KEKS: runKeks,
      PERSONAL_DATA_SHARING_KEKS: runSharingKeks,
      ...env,
      ...(envFor[ctx] ?? {}),
      // --profile records a context's first replica only (its replicas would write the same file).
      ...(replica > 1 && envFor[ctx]?.BENCH_CPU_PROFILE ? { BENCH_CPU_PROFILE: '' } : {}),
    };
    const label = replica === 1 ? ctx : `${ctx}-${replica}`;
    const child = spawnService({ name: ctx, env: serviceEnv, logFile: join(logDir, `${label}.log`) });
    system.services.push({ name: ctx, replica, label, child, pid: child.pid, url: `http://127.0.0.1:${port}`, env: serviceEnv });
  }
}

/** Sets every benchmark SKU's counted stock through Fulfillment's route, as the warehouse would. */
async function stockWarehouse(fulfillmentUrl, token) {
  for (const sku of SKUS) {
    const res = await fetch(`${fulfillmentUrl}/stock/${encodeURIComponent(sku)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ onHand: STOCK_PER_SKU }),
    });
    if (res.status !== 200) throw new Error(`PUT /stock/${sku} answered ${res.status}: ${await res.text()}`);
    await res.body?.cancel();
  }
}

/** Stops the services, then (unless kept for inspection) drops the databases, topics and groups. */
async function stopSystem(system, { keep }) {
  await system.stopMaintenance?.();
  await Promise.all(system.services.map((s) => stopChild(s.child)));
  await Promise.all(Object.values(system.pools).map((pool) => pool.end().catch(() => undefined)));
  if (!keep) {
    for (const name of system.databases) await dropDatabase(name).catch(() => undefined);
    await deleteRunTopics(system.admin, system.prefix, Object.values(system.groupIds)).catch(() => undefined);
  }
  await system.issuer.close().catch(() => undefined);
  await system.admin.disconnect().catch(() => undefined);
}
