import { SeedReport, SeedStockHandler } from '@bazaar/fulfillment-application';
import { createDataSource, Transactions } from '@bazaar/platform-database';
import { messagingMigrations } from '@bazaar/platform-messaging';
import { databaseTls, ServiceConfig } from '@bazaar/platform-service';
import { Clock } from '@bazaar/shared-kernel';
import { MixedList } from 'typeorm';
import { fulfillmentMigrations } from '../persistence/migrations';
import { TypeOrmStockItems } from '../persistence/typeorm-stock-items';
import { TypeOrmUnitOfWork } from '../persistence/typeorm-unit-of-work';
import { Catalogue } from './catalogue';

/** Who the seed is recorded as, in each stock item it creates. */
export const SEED_ACTOR = 'seed-stock';

class WallClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * `main.js seed-stock <file>`: stocks the catalogue's SKUs that Fulfillment has never stocked and
 * leaves every other SKU as the warehouse counted it — idempotent, safe on every start. It talks to
 * the database directly (no HTTP, so no token), after migrations have run.
 */
export async function seedStock(config: ServiceConfig, catalogue: Catalogue): Promise<SeedReport> {
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    tls: databaseTls(config),
    applicationName: 'fulfillment-seed-stock',
    poolSize: 1,
    migrations: [...messagingMigrations, ...fulfillmentMigrations] as MixedList<never>,
  });
  await dataSource.initialize();
  try {
    const transactions = new Transactions(dataSource);
    const handler = new SeedStockHandler(new TypeOrmUnitOfWork(transactions), new TypeOrmStockItems(transactions), new WallClock());
    return await handler.execute({ items: catalogue.stock, actor: SEED_ACTOR });
  } finally {
    await dataSource.destroy();
  }
}
