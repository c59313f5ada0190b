import './tracing';
import 'reflect-metadata';
import { loadConfig, runService } from '@bazaar/platform-service';
import { financeService } from '@bazaar/finance-infrastructure';
import { financeConfigSchema, financeSettingsOf } from './config';

const config = loadConfig(financeConfigSchema);

runService(financeService(config, financeSettingsOf(config))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
