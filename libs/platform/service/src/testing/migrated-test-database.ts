import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrateDatabase, Transactions } from '@bazaar/platform-database';
import { messagingMigrations } from '@bazaar/platform-messaging';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { ServiceDefinition } from '../platform.module';

export interface MigratedTestDatabase {
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  readonly transactions: Transactions;
  /** Runs one statement as the owner role (what the database itself must refuse, whoever writes). */
  asOwner<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A throw-away database migrated as the platform migrates a service's (messaging tables first, then
 * the context's, by the owner role, which then grants the runtime role), for specs of repositories
 * and other adapters that need no running service; `dataSource` connects as the runtime role.
 */
export async function createMigratedTestDatabase(migrations: ServiceDefinition['migrations'], grants?: ServiceDefinition['runtimeGrants']): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase();
  const dataSource = createDataSource({
    url: database.url,
    applicationName: 'adapter-test',
    poolSize: 4,
    migrations: [],
  });
  const drop = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  };
  try {
    // As the service is migrated: by the owner, which then grants the runtime role the adapters use.
    await migrateDatabase({
      url: database.ownerUrl,
      applicationName: 'adapter-test-migrate',
      migrations: [...messagingMigrations, ...migrations] as never,
      runtime: { role: database.runtimeRole, grants },
    });
    await dataSource.initialize();
  } catch (error) {
    await drop();
    throw error;
  }
  const asOwner = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return { database, dataSource, transactions: new Transactions(dataSource), asOwner, drop };
}
