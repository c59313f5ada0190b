import { DataSource } from 'typeorm';
import { createDataSource, runMigrations, Transactions } from '@bazaar/platform-database';
import { messagingMigrations } from '@bazaar/platform-messaging';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { ServiceDefinition } from '../platform.module';

export interface MigratedTestDatabase {
  readonly database: TestDatabase;
  readonly dataSource: DataSource;
  readonly transactions: Transactions;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A throw-away database migrated as the platform migrates a service's (messaging tables first, then
 * the context's), for specs of repositories and other adapters that need no running service.
 */
export async function createMigratedTestDatabase(migrations: ServiceDefinition['migrations']): Promise<MigratedTestDatabase> {
  const database = await createTestDatabase();
  const dataSource = createDataSource({
    url: database.url,
    applicationName: 'adapter-test',
    poolSize: 4,
    migrations: [...messagingMigrations, ...migrations],
  });
  const drop = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  };
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
  } catch (error) {
    await drop();
    throw error;
  }
  return { database, dataSource, transactions: new Transactions(dataSource), drop };
}
