import './tracing';
import 'reflect-metadata';
import { checkoutService } from '@bazaar/checkout-infrastructure';
import { loadConfig, runMain, runService } from '@bazaar/platform-service';
import { assertPersonalDataKeys, checkoutConfigSchema, checkoutSettingsOf } from './config';

runMain('checkout', async () => {
  const config = loadConfig(checkoutConfigSchema);
  if (process.argv[2] !== 'migrate') assertPersonalDataKeys(config);
  await runService(checkoutService(config, checkoutSettingsOf(config)));
});
