import 'reflect-metadata';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig, runService } from '@bazaar/platform-service';
import { rebuildCaseOrderViews, SupportModule, supportMigrations } from '@bazaar/support-infrastructure';
import { consumedTopics, SupportConfig, supportConfigSchema } from './config';

/** `main.js` serves, `main.js migrate` applies migrations, `main.js rebuild` rewinds the projection to offset zero. */
async function main(): Promise<void> {
  const config = loadConfig(supportConfigSchema);
  if (process.argv[2] === 'rebuild') return rebuild(config);
  await runService({
    definition: { name: 'support', migrations: supportMigrations, consumes: consumedTopics(config) },
    config,
    module: SupportModule,
    openApi: { title: 'Bazaar Support', description: 'The support view of every order, projected from all published events.' },
  });
}

/** Run with the service stopped; the next start replays every topic from the beginning. */
async function rebuild(config: SupportConfig): Promise<void> {
  const report = await rebuildCaseOrderViews({
    databaseUrl: config.DATABASE_URL,
    kafka: new Kafka({ clientId: 'support-rebuild', brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN }),
    groupId: config.KAFKA_CONSUMER_GROUP,
    topics: consumedTopics(config),
  });
  process.stdout.write(`${JSON.stringify({ service: 'support', msg: 'projection rewound; start the service to replay', ...report })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ service: 'support', level: 'fatal', msg: String(error), stack: (error as Error)?.stack })}\n`);
  process.exit(1);
});
