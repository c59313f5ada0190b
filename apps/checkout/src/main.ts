import 'reflect-metadata';
import { checkoutOpenApi, checkoutService, CheckoutModule } from '@bazaar/checkout-infrastructure';
import { loadConfig, runService } from '@bazaar/platform-service';
import { checkoutConfigSchema } from './config';

runService({
  definition: checkoutService,
  config: loadConfig(checkoutConfigSchema),
  module: CheckoutModule,
  openApi: checkoutOpenApi,
}).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
