import { DataSource, MixedList } from 'typeorm';
import { PreparingClient } from './preparing-client';
import { applyRuntimeGrants, RuntimeGrants } from './runtime-grants';
import { DatabaseTls, pgSsl } from './tls';

/** What a service needs to reach its own database. */
export interface DatabaseOptions {
  /** `postgres://role@host:port/database` — one database and one role per context. */
  readonly url: string;
  /** Shows up in `pg_stat_activity`, so a connection names its service. */
  readonly applicationName: string;
  readonly poolSize: number;
  /** TLS to the server (none by default; services set it from DATABASE_SSL_MODE and DATABASE_SSL_CA_FILE). */
  readonly tls?: DatabaseTls;
  /** Bounds on waiting (none by default, as PostgreSQL's; services set them from their config). */
  readonly timeouts?: DatabaseTimeouts;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
}

export interface DatabaseTimeouts {
  /** Getting a connection: from the pool, or a new one from the server (node-postgres `connectionTimeoutMillis`). */
  readonly connectMs?: number;
  /** Any one statement (PostgreSQL `statement_timeout`): the server cancels it, 57014. */
  readonly statementMs?: number;
  /** A transaction left idle (`idle_in_transaction_session_timeout`): the server ends the session, releasing its locks. */
  readonly idleInTransactionMs?: number;
}

/**
 * A TypeORM data source that never alters the schema by itself (migrations only) and prepares its
 * statements. With `timeouts`, nothing waits without bound: a database that cannot be reached
 * fails a request in `connectMs` (and the HTTP edge answers 503) instead of holding it.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  const { connectMs, statementMs, idleInTransactionMs } = options.timeouts ?? {};
  return new DataSource({
    type: 'postgres',
    url: options.url,
    ssl: pgSsl(options.tls),
    applicationName: options.applicationName,
    // No entities: repositories write and read through SQL of their own (see each context's `*.rows.ts`).
    entities: [],
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: options.poolSize,
      idleTimeoutMillis: 30_000,
      Client: PreparingClient,
      ...(connectMs ? { connectionTimeoutMillis: connectMs } : {}),
      ...(statementMs ? { statement_timeout: statementMs } : {}),
      ...(idleInTransactionMs ? { idle_in_transaction_session_timeout: idleInTransactionMs } : {}),
    },
  });
}

/** The role a service serves with and what it may do; the owner grants it after every migration run. */
export interface RuntimeAccess {
  readonly role: string;
  readonly grants?: RuntimeGrants;
}

/**
 * Applies pending migrations over a connection pool of their own, without statement timeouts (a
 * migration may rightly take long, and a replica queues behind another's advisory lock), then
 * closes it; answers the names applied. `url` is the owner's (migrator's) connection; with
 * `runtime`, the runtime role's grants are then made exactly what the context declares.
 */
export async function migrateDatabase(options: Omit<DatabaseOptions, 'poolSize' | 'timeouts'> & { readonly runtime?: RuntimeAccess }): Promise<string[]> {
  // runMigrations holds one connection for its advisory lock while TypeORM migrates on another.
  const { runtime, ...databaseOptions } = options;
  const dataSource = createDataSource({ ...databaseOptions, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource, runtime);
  } finally {
    await dataSource.destroy();
  }
}

/** Advisory lock key that serializes migration runs of replicas starting together. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations, one replica at a time; safe to call on every start. With `runtime`,
 * grants the runtime role its declared privileges on every table afterwards, under the same lock.
 */
export async function runMigrations(dataSource: DataSource, runtime?: RuntimeAccess): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (runtime) await applyRuntimeGrants(dataSource, runtime.role, runtime.grants);
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
