/** --profile: which services get the CPU profiler preloaded, and the summaries of what it recorded. */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeProfile } from './summarize.mjs';

const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));
const profileFile = (dir, ctx) => join(dir, 'logs', `${ctx}.cpuprofile`);

/** The per-context environment, with the profiler added for the profiled contexts. */
export function withProfiling(opts, dir) {
  const envFor = structuredClone(opts.envFor);
  for (const ctx of opts.profile) {
    const own = envFor[ctx] ?? {};
    const nodeOptions = [opts.env.NODE_OPTIONS, own.NODE_OPTIONS, `--require ${PRELOAD}`].filter(Boolean).join(' ');
    envFor[ctx] = { ...own, NODE_OPTIONS: nodeOptions, BENCH_CPU_PROFILE: profileFile(dir, ctx) };
  }
  return envFor;
}

export function profileSummaries(opts, dir) {
  const out = {};
  for (const ctx of opts.profile) {
    const file = profileFile(dir, ctx);
    rmSync(`${file}.start`, { force: true });
    out[ctx] = existsSync(file) ? { file: `logs/${ctx}.cpuprofile`, ...summarizeProfile(file) } : { missing: `no profile was written to ${file}` };
  }
  return out;
}

/** Starts the profilers (they wait for a trigger file) once the system is warm. */
export function startProfilers(opts, dir) {
  for (const ctx of opts.profile) writeFileSync(`${profileFile(dir, ctx)}.start`, '');
}
