import { z } from 'zod';
import { databaseSslModes, type DatabaseTls } from '@bazaar/platform-database';
import { accessConfigFields } from './access/access.config';

/** Settings every Bazaar service shares; each app extends this with its own and validates once at start. */
export function serviceConfigSchema(defaults: { name: string; port: number; partitionsConcurrency?: number; sharedTransactions?: number }) {
  const role = `bazaar_${defaults.name.replace(/-/g, '_')}`;
  return z.object({
    SERVICE_NAME: z.string().default(defaults.name),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(defaults.port),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default(`postgres://${role}@127.0.0.1:5432/${role}`),
    /**
     * The owner (migrator) role's connection: migrations and the runtime role's grants run with it,
     * never the service's pool. Unset, migrations use DATABASE_URL (one role for both: development only).
     */
    DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /**
     * TLS to PostgreSQL, as libpq names it: disable, require (encrypted, unverified), verify-ca (the
     * CA signed the server's certificate), verify-full (and it names the host: production).
     */
    DATABASE_SSL_MODE: z.enum(databaseSslModes).default('disable'),
    /** PEM file of the CA that signed PostgreSQL's certificate; verify-ca and verify-full need it. */
    DATABASE_SSL_CA_FILE: z.string().optional(),
    /** Connections for units of work (requests, messages, sweeps); the outbox relay holds one more of its own. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Getting a pooled connection or a new one; past it a request answers 503 and a message is retried. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    /** At start, how long migrating and connecting are tried again while the database is unavailable (a failover, a restart) before the process gives up. */
    DATABASE_STARTUP_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
    /** PostgreSQL `statement_timeout` for every statement of the service (migrations run without it). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /** PostgreSQL `idle_in_transaction_session_timeout`: a stuck transaction's session ends and its locks go. */
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** Fastify `requestTimeout`: the whole request must arrive within it (slow clients cannot hold sockets). */
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** Fastify `connectionTimeout`: a socket silent this long (no request, no answer) is closed. */
    HTTP_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    /**
     * On SIGTERM the service stops taking HTTP, finishes the requests and messages in hand, commits
     * their offsets and closes its pool; past this deadline it exits anyway (exit code 1).
     */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(25_000),
    MIGRATE_ON_START: z.stringbool().default(true),
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((value) =>
        value
          .split(',')
          .map((broker) => broker.trim())
          .filter(Boolean),
      ),
    /** Prefix for every topic this service produces to or consumes from (isolated test runs share one broker). */
    KAFKA_TOPIC_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9._-]*$/)
      .default(''),
    /** Set in clusters that authenticate clients (Strimzi KafkaUser with SCRAM over TLS); empty locally. */
    KAFKA_SASL_MECHANISM: z.enum(['scram-sha-256', 'scram-sha-512']).optional(),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    /** PEM file of the CA that signed the brokers' certificates; enables TLS (1.3 at least). SASL needs it. */
    KAFKA_SSL_CA_FILE: z.string().optional(),
    KAFKA_CONSUMER_GROUP: z.string().default(defaults.name),
    KAFKA_PARTITIONS_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(defaults.partitionsConcurrency ?? 3),
    /**
     * A fetch waits for this many bytes or KAFKA_FETCH_MAX_WAIT_MS, whichever comes first: under load
     * a consumer takes messages in batches instead of one fetch per message (measured: about 15 %
     * less CPU per order at 100 orders/s, docs/benchmark.md), for at most that wait in latency.
     */
    KAFKA_FETCH_MIN_BYTES: z.coerce.number().int().min(1).default(16_384),
    KAFKA_FETCH_MAX_WAIT_MS: z.coerce.number().int().min(1).max(30_000).default(25),
    /**
     * A consumer commits its offsets at most this often instead of after every batch (each commit is
     * a write to the broker's offsets log); a crash or a rebalance re-delivers at most this long's
     * messages, which the inbox absorbs. A graceful shutdown commits first. 0: after every batch.
     */
    KAFKA_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    /** A replica silent this long leaves the group and its partitions move on (kafkajs' default is 30 s). */
    KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(15_000),
    /**
     * A message that fails transiently (database unreachable, lock contention, broker down, an
     * unknown error) pauses its partition and is retried without limit, waiting from the initial to
     * the most backoff (exponential, with jitter); only what can never succeed is dead-lettered.
     */
    CONSUMER_INITIAL_BACKOFF_MS: z.coerce.number().int().min(1).default(100),
    CONSUMER_MAX_BACKOFF_MS: z.coerce.number().int().min(1).default(5_000),
    /** A consumer out of its group this long (crashed, stuck restarting) is replaced by a new one. */
    CONSUMER_REPLACE_AFTER_MS: z.coerce.number().int().min(1_000).default(60_000),
    /** Most messages one shared transaction takes (handlers marked `inBatchTransaction`); 1 gives every message its own. */
    CONSUMER_BATCH_MAX_MESSAGES: z.coerce.number().int().min(1).max(1_000).default(100),
    /**
     * How many shared transactions one replica may have open at once; the runs of the partitions
     * in hand wait for a free one and share it (group commit). One by default: a set-based consumer's
     * flushes then never race each other on the same rows or locks. A consumer doing a few
     * statements per message on rows of its own order (Checkout's) gains from more.
     */
    CONSUMER_SHARED_TRANSACTIONS: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(defaults.sharedTransactions ?? 1),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(256),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(500),
    OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(0).default(24),
    ...httpInputSettings,
    ...rateLimitSettings,
    ...accessConfigFields,
  });
}

/** What a request may carry before it reaches a route (docs/abuse.md): refused with a 4xx problem past these. */
const httpInputSettings = {
  /** Largest request body a route takes unless it says otherwise (`@BodyLimit`); larger answers 413. */
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(16_777_216).default(65_536),
  /** Deepest nesting of objects and arrays in a JSON body; deeper answers 400 `too_deeply_nested`. */
  HTTP_MAX_JSON_DEPTH: z.coerce.number().int().min(2).max(1_000).default(32),
  /** Longest request target (path and query); longer answers 414. */
  HTTP_MAX_URL_LENGTH: z.coerce.number().int().min(256).max(65_536).default(2_048),
};

/**
 * Per-caller limits, a bucket per route class (`write`: POST, PUT, PATCH, DELETE; `read`: GET,
 * HEAD), kept in Redis so every replica counts against the same bucket (docs/abuse.md).
 */
const rateLimitSettings = {
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  RATE_LIMIT_ENABLED: z.stringbool().default(true),
  /** Prefix of every bucket's Redis key: environments (and tests) sharing one Redis keep apart. */
  RATE_LIMIT_KEY_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:._-]*$/)
    .default('bazaar:rate-limit:'),
  RATE_LIMIT_WRITE_POINTS: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_WRITE_DURATION_S: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_READ_POINTS: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_READ_DURATION_S: z.coerce.number().int().min(1).default(60),
  /** A Redis answer slower than this counts as Redis unavailable: the request is served (fail open). */
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(5_000).default(250),
};

export type ServiceConfig = z.output<ReturnType<typeof serviceConfigSchema>>;

/** A topic's name in this service's environment: `KAFKA_TOPIC_PREFIX` isolates environments sharing one cluster. */
export function prefixedTopic(config: Pick<ServiceConfig, 'KAFKA_TOPIC_PREFIX'>, topic: string): string {
  return `${config.KAFKA_TOPIC_PREFIX}${topic}`;
}

/** The broker security settings, checked together: a mechanism needs a user and a password. */
export function kafkaSecurity(config: ServiceConfig): { sasl?: { mechanism: 'scram-sha-256' | 'scram-sha-512'; username: string; password: string }; caFile?: string } {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism && (!username || !password)) {
    throw new Error('Invalid configuration: KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  }
  if (mechanism && !config.KAFKA_SSL_CA_FILE) {
    // SCRAM over plain TCP would hand the broker's listener — and anyone on the path — the exchange and every message.
    throw new Error('Invalid configuration: KAFKA_SASL_MECHANISM needs TLS: set KAFKA_SSL_CA_FILE');
  }
  return {
    ...(mechanism && username && password ? { sasl: { mechanism, username, password } } : {}),
    ...(config.KAFKA_SSL_CA_FILE ? { caFile: config.KAFKA_SSL_CA_FILE } : {}),
  };
}

/** TLS to PostgreSQL as the configuration sets it; a verifying mode without a CA file is refused. */
export function databaseTls(config: Pick<ServiceConfig, 'DATABASE_SSL_MODE' | 'DATABASE_SSL_CA_FILE'>): DatabaseTls {
  if ((config.DATABASE_SSL_MODE === 'verify-ca' || config.DATABASE_SSL_MODE === 'verify-full') && !config.DATABASE_SSL_CA_FILE) {
    throw new Error(`Invalid configuration: DATABASE_SSL_MODE=${config.DATABASE_SSL_MODE} needs DATABASE_SSL_CA_FILE`);
  }
  return { mode: config.DATABASE_SSL_MODE, ...(config.DATABASE_SSL_CA_FILE ? { caFile: config.DATABASE_SSL_CA_FILE } : {}) };
}

/** Validates the environment against a schema, failing fast with every problem listed. */
export function loadConfig<TSchema extends z.ZodType>(schema: TSchema, env: NodeJS.ProcessEnv = process.env): z.output<TSchema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
