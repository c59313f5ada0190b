import './tracing';
import 'reflect-metadata';
import { fulfillmentService, readCatalogue, seedStock } from '@bazaar/fulfillment-infrastructure';
import { loadConfig, runMain, runService, ServiceConfig } from '@bazaar/platform-service';
import { fulfillmentConfigSchema } from './config';

/**
 * `main.js` serves, `main.js migrate` applies migrations, `main.js seed-stock <file>` stocks the
 * catalogue's SKUs never stocked yet (after migrations; see docs/fulfillment.md).
 */
async function main(): Promise<void> {
  const config = loadConfig(fulfillmentConfigSchema);
  if (process.argv[2] === 'seed-stock') return seed(config, process.argv[3]);
  await runService(fulfillmentService(config));
}

async function seed(config: ServiceConfig, file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: main.js seed-stock <catalogue.json>');
  const report = await seedStock(config, readCatalogue(file));
  process.stdout.write(`${JSON.stringify({ service: 'fulfillment', msg: 'stock seeded', file, ...report })}\n`);
}

runMain('fulfillment', main);
