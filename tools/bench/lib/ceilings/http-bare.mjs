/** HTTP ceiling: the same closed-loop generator against a bare Fastify handler. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runLoad } from '../load/run-load.mjs';
import { round } from '../stats.mjs';
import { cpuSecondsOf } from '../observe/proc-stats.mjs';

const SERVER = fileURLToPath(new URL('./bare-fastify.mjs', import.meta.url));

/** @param {{ connections: number, warmupMs: number, durationMs: number, timeoutMs: number }} o */
export async function httpCeiling({ connections, warmupMs, durationMs, timeoutMs }) {
  const server = fork(SERVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  try {
    const { port } = await new Promise((resolve, reject) => {
      server.once('message', resolve);
      server.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
    });
    const cpuBefore = cpuSecondsOf(server.pid);
    const r = await runLoad({ urls: [`http://127.0.0.1:${port}/orders`], mode: 'closed', connections, warmupMs, durationMs, prefix: 'bare', timeoutMs });
    const serverCpu = (cpuSecondsOf(server.pid) ?? 0) - (cpuBefore ?? 0);
    return {
      client: r.client,
      connections,
      durationMs,
      requestsPerSecond: round(r.acceptedInWindow / (durationMs / 1000)),
      errors: Object.values(r.errors).reduce((s, n) => s + n, 0),
      latencyMs: r.latency,
      // CPU over warm-up and measurement, in cores: how much of the machine the pair used.
      serverCores: round(serverCpu / ((warmupMs + durationMs) / 1000), 2),
      generatorCores: round(r.cpuSeconds / ((warmupMs + durationMs) / 1000), 2),
    };
  } finally {
    server.kill('SIGTERM');
  }
}
