import './tracing';
import 'reflect-metadata';
import { createKafka } from '@bazaar/platform-messaging';
import { createLogger, JsonLogger, kafkaSecurity, loadConfig, runMain, runService, ServiceConfig } from '@bazaar/platform-service';
import { rebuildSupport, supportService } from '@bazaar/support-infrastructure';
import { assertSharedPersonalDataKeys, supportConfigSchema, supportSettingsOf } from './config';

/** `main.js` serves, `main.js migrate` applies migrations, `main.js rebuild` rewinds the projection to offset zero. */
async function main(): Promise<void> {
  const config = loadConfig(supportConfigSchema);
  if (process.argv[2] === 'rebuild') return rebuild(config);
  if (process.argv[2] !== 'migrate') assertSharedPersonalDataKeys(config);
  await runService(supportService(config, supportSettingsOf(config)));
}

/** Run with the service stopped; the next start replays every topic from the beginning. */
async function rebuild(config: ServiceConfig): Promise<void> {
  const logger = new JsonLogger(createLogger('support-rebuild', config.LOG_LEVEL));
  const kafka = createKafka({ clientId: 'support-rebuild', brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurity(config) });
  const report = await rebuildSupport(config, kafka);
  process.stdout.write(`${JSON.stringify({ service: 'support', msg: 'projection rewound; start the service to replay', ...report })}\n`);
}

runMain('support', main);
