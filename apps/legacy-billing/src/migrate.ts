import { BillingSystem } from './billing-system';
import { settingsFrom } from './config';

/** Applies the schema and stops (the server applies it at start too). */
new BillingSystem(settingsFrom(process.env))
  .migrateOnly()
  .then(() => process.stdout.write('legacy-billing: schema up to date\n'))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
