import { DataSource, MixedList } from 'typeorm';
import { PreparingClient } from './preparing-client';

/** What a service needs to reach its own database. */
export interface DatabaseOptions {
  /** `postgres://role@host:port/database` — one database and one role per context. */
  readonly url: string;
  /** Shows up in `pg_stat_activity`, so a connection names its service. */
  readonly applicationName: string;
  readonly poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities?: MixedList<Function | string | import('typeorm').EntitySchema>;
}

/** A TypeORM data source that never alters the schema by itself (migrations only) and prepares its statements. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: options.poolSize, idleTimeoutMillis: 30_000, Client: PreparingClient },
  });
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
