#!/usr/bin/env node
/**
 * `npm run chaos`: the built services under a steady order load while faults are injected, then
 * every context's data checked for lost, doubled and stranded orders. See docs/chaos.md (or --help).
 *
 * The run has a Kafka broker of its own (it restarts it), on free ports with its own state directory:
 * tools/stack's broker code reads KAFKA_PORT, KAFKA_CONTROLLER_PORT and BAZAAR_STATE_DIR when it is
 * imported, so they are set here before anything of the stack is loaded.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

const startedAt = new Date();
const runId = `${startedAt.toISOString().replace(/\D/g, '').slice(2, 14)}${Math.random().toString(36).slice(2, 5)}`;
const dir = join(repoRoot, 'tmp', 'chaos', runId);
mkdirSync(dir, { recursive: true });
const [broker, controller] = [await freePort(), await freePort()];
Object.assign(process.env, {
  BAZAAR_STATE_DIR: join(dir, 'stack'),
  KAFKA_PORT: String(broker),
  KAFKA_CONTROLLER_PORT: String(controller),
  KAFKA_BROKERS: `127.0.0.1:${broker}`,
});

const { main } = await import('./lib/run.mjs');
main(process.argv.slice(2), { runId, dir, startedAt }).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
