import { DataSource, MixedList } from 'typeorm';
import { PreparingClient } from './preparing-client';

/** What a service needs to reach its own database. */
export interface DatabaseOptions {
  /** `postgres://role@host:port/database` — one database and one role per context. */
  readonly url: string;
  /** Shows up in `pg_stat_activity`, so a connection names its service. */
  readonly applicationName: string;
  readonly poolSize: number;
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

/**
 * Applies pending migrations over a connection pool of their own, without statement timeouts (a
 * migration may rightly take long, and a replica queues behind another's advisory lock), then
 * closes it; answers the names applied.
 */
export async function migrateDatabase(options: Omit<DatabaseOptions, 'poolSize' | 'timeouts'>): Promise<string[]> {
  // runMigrations holds one connection for its advisory lock while TypeORM migrates on another.
  const dataSource = createDataSource({ ...options, poolSize: 2 });
  await dataSource.initialize();
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Advisory lock key that serializes migration runs of replicas starting together. */
const MIGRATION_LOCK = 727_001;

/** Applies pending migrations, one replica at a time; safe to call on every start. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
