import { BillingSystem } from './billing-system';
import { settingsFrom } from './config';

/** The legacy billing system: one process, its own database, its own API (see docs/legacy-billing-acl.md). */
const system = new BillingSystem(settingsFrom(process.env));

system
  .start()
  .then((port) => process.stdout.write(`${JSON.stringify({ level: 30, service: 'legacy-billing', msg: 'listening', port })}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    system.stop().finally(() => process.exit(0));
  });
}
