import 'reflect-metadata';
import { loadConfig, runService } from '@bazaar/platform-service';
import { fulfillmentService } from '@bazaar/fulfillment-infrastructure';
import { fulfillmentConfigSchema } from './config';

runService(fulfillmentService(loadConfig(fulfillmentConfigSchema))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
