/**
 * Runs the TLS sandbox by hand: a CA made for the run, a TLS-only PostgreSQL and a TLS 1.3-only Kafka
 * broker on free loopback ports, until Ctrl-C (then both stop and the keys are deleted).
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/platform/testing/src/tls-sandbox-cli.ts
 * It prints the settings a service needs to use them (docs/data-protection.md#trying-it-locally).
 */
import { startTlsSandbox } from './tls-sandbox';

async function main(): Promise<void> {
  const sandbox = await startTlsSandbox();
  const admin = new URL(sandbox.postgresAdminUrl);
  process.stdout.write(
    [
      'TLS sandbox up. For a service (after provisioning its database and roles on this server):',
      `  DATABASE_SSL_MODE=verify-full DATABASE_SSL_CA_FILE=${sandbox.caFile}`,
      `  DATABASE_URL=postgres://<runtime role>@127.0.0.1:${admin.port}/<database>`,
      `  KAFKA_BROKERS=${sandbox.kafkaBrokers.join(',')} KAFKA_SSL_CA_FILE=${sandbox.caFile}`,
      `psql: psql "host=127.0.0.1 port=${admin.port} user=postgres sslmode=verify-full sslrootcert=${sandbox.caFile}"`,
      'Ctrl-C stops both and deletes the keys.',
      '',
    ].join('\n'),
  );
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
