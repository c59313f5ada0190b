/** Before measuring: the broker and databases are up (reused when running), the services are built. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { kafkaPorts, paths, pgAdmin } from '../../stack/lib/config.mjs';
import { kafkaAnswers } from '../../stack/lib/kafka-admin.mjs';
import { buildProjects } from '../../stack/lib/nx.mjs';
import { isPortOpen } from '../../stack/lib/wait.mjs';

export async function ensureInfrastructure(say = console.log) {
  // A broker and PostgreSQL already answering are reused whoever started them (another checkout of
  // the repo, say, whose broker `infra` would not call its own and refuse the port).
  const pg = pgAdmin();
  if (!pg.host.startsWith('/') && (await isPortOpen(pg.port, pg.host)) && (await kafkaAnswers())) {
    say(`reusing the broker on 127.0.0.1:${kafkaPorts().broker} and PostgreSQL on ${pg.host}:${pg.port}`);
    return;
  }
  // `infra` reuses a running broker; --no-migrate: the run migrates its own throw-away databases.
  const r = spawnSync(process.execPath, [join(paths.repoRoot, 'tools/stack/stack.mjs'), 'infra', '--no-migrate'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tools/stack/stack.mjs infra failed (exit ${r.status})`);
}

/** Production build of the four services (Nx cache makes an unchanged build instant). */
export const buildServices = (contexts) => buildProjects(contexts);
