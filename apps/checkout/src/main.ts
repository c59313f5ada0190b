import './tracing';
import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runMain, runService } from '@bazaar/platform-service';
import { assertPersonalDataKeys, checkoutConfigSchema, checkoutSettingsOf } from './config';
import { resealHistory } from './reseal';

/** `main.js` serves, `main.js migrate` applies migrations, `main.js reseal-order-history [--dry-run]` rewrites the plaintext v1 history once. */
runMain('checkout', async () => {
  const config = loadConfig(checkoutConfigSchema);
  if (process.argv[2] !== 'migrate') assertPersonalDataKeys(config);
  if (process.argv[2] === 'reseal-order-history') await resealHistory(config, process.argv.includes('--dry-run'));
  else await runService(checkoutService(config, checkoutSettingsOf(config)));
});
