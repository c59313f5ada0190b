/** Before measuring: the broker and databases are up (reused when running), the services are built. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { paths } from '../../stack/lib/config.mjs';
import { buildProjects } from '../../stack/lib/nx.mjs';

export function ensureInfrastructure() {
  // `infra` reuses a running broker; --no-migrate: the run migrates its own throw-away databases.
  const r = spawnSync(process.execPath, [join(paths.repoRoot, 'tools/stack/stack.mjs'), 'infra', '--no-migrate'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tools/stack/stack.mjs infra failed (exit ${r.status})`);
}

/** Production build of the four services (Nx cache makes an unchanged build instant). */
export const buildServices = (contexts) => buildProjects(contexts);
