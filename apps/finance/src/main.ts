import './tracing';
import 'reflect-metadata';
import { loadConfig, runMain, runService } from '@bazaar/platform-service';
import { financeService } from '@bazaar/finance-infrastructure';
import { financeConfigSchema, financeSettingsOf } from './config';

runMain('finance', async () => {
  const config = loadConfig(financeConfigSchema);
  await runService(financeService(config, financeSettingsOf(config)));
});
