import './tracing';
import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runService } from '@bazaar/platform-service';
import { assertPersonalDataKeys, checkoutConfigSchema, checkoutSettingsOf } from './config';

const config = loadConfig(checkoutConfigSchema);
if (process.argv[2] !== 'migrate') assertPersonalDataKeys(config);

runService(checkoutService(config, checkoutSettingsOf(config))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
