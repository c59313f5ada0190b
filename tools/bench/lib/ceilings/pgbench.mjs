/**
 * PostgreSQL ceiling: pgbench running Checkout's write transaction against a throw-away database
 * migrated by Checkout itself (`main.js migrate`), so the schema, indexes and constraints are the
 * real ones. At 1 client it shows the commit (fsync) latency bound; at 16 the group-commit bound.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgAdmin } from '../../../stack/lib/config.mjs';
import { onInterrupt } from '../cleanup.mjs';
import { createDatabase, databaseUrl, dropDatabase } from '../system/databases.mjs';
import { migrate } from '../system/services.mjs';
import { checkoutWriteOneStatementScript, checkoutWriteScript } from './checkout-write.sql.mjs';
import { parsePgbench } from './pgbench-output.mjs';

export function findPgbench() {
  try {
    return execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim() || null;
  } catch {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).sort().reverse() : [];
    return versions.map((v) => join(root, v, 'bin/pgbench')).find(existsSync) ?? null;
  }
}

/**
 * @param {{ runId: string, dir: string, seconds: number, clients: number[], message: { envelope: object, headers: object },
 *           log: (msg: string) => void }} o
 */
export async function pgbenchCeiling({ runId, dir, seconds, clients, message, log }) {
  const pgbench = findPgbench();
  if (!pgbench) return { skipped: 'pgbench not found (Debian: apt-get install postgresql-client)' };
  const database = `bench_${runId}_pgbench`;
  const scripts = [
    { variant: 'statements', file: 'checkout-write-path.pgbench.sql', text: checkoutWriteScript(message), what: "Checkout's write transaction" },
    { variant: 'one-statement', file: 'checkout-write-one-statement.pgbench.sql', text: checkoutWriteOneStatementScript(message), what: 'the same rows in one statement' },
  ];
  for (const s of scripts) writeFileSync(join(dir, s.file), s.text);
  await createDatabase(database);
  const undo = onInterrupt(() => dropDatabase(database));
  try {
    await migrate('checkout', databaseUrl(database), join(dir, 'logs', 'pgbench-migrate.log'));
    const runs = [];
    for (const s of scripts) {
      for (const c of clients) {
        log(`pgbench: ${s.what}, ${c} client${c > 1 ? 's' : ''}, ${seconds}s`);
        const { host, port, user } = pgAdmin();
        const args = [
          '-n',
          '-M',
          'extended',
          '-f',
          join(dir, s.file),
          '-c',
          String(c),
          '-j',
          String(Math.min(c, 2)),
          '-T',
          String(seconds),
          '-h',
          host,
          '-p',
          String(port),
          '-U',
          user,
          database,
        ];
        runs.push({ variant: s.variant, clients: c, seconds, ...parsePgbench(await run(pgbench, args)) });
      }
    }
    return { scripts: Object.fromEntries(scripts.map((s) => [s.variant, s.file])), runs };
  } finally {
    undo();
    await dropDatabase(database);
  }
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const undo = onInterrupt(async () => child.kill('SIGINT'));
    child.once('exit', undo);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`pgbench exited with ${code}:\n${out.slice(-2000)}`))));
  });
}
