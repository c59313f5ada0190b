import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runService } from '@bazaar/platform-service';
import { checkoutConfigSchema } from './config';

runService(checkoutService(loadConfig(checkoutConfigSchema))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
