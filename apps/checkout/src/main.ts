import './tracing';
import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runService } from '@bazaar/platform-service';
import { checkoutConfigSchema, checkoutSettingsOf } from './config';

const config = loadConfig(checkoutConfigSchema);

runService(checkoutService(config, checkoutSettingsOf(config))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
