import './tracing';
import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runService } from '@bazaar/platform-service';
import { assertPersonalDataKeys, checkoutConfigSchema, checkoutSettingsOf } from './config';
import { resealHistory } from './reseal';

/** `main.js` serves, `main.js migrate` applies migrations, `main.js reseal-order-history [--dry-run]` rewrites the plaintext v1 history once. */
const config = loadConfig(checkoutConfigSchema);
if (process.argv[2] !== 'migrate') assertPersonalDataKeys(config);

const run =
  process.argv[2] === 'reseal-order-history' ? resealHistory(config, process.argv.includes('--dry-run')) : runService(checkoutService(config, checkoutSettingsOf(config)));
run.catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
