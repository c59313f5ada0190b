/** Parent side of the load generator: fork it, hand it a plan, follow its progress, take its result. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LOADGEN = fileURLToPath(new URL('./loadgen.mjs', import.meta.url));

/**
 * @param {import('./loadgen.mjs').LoadPlan} plan
 * @param {{ onStart?: (pid: number) => void, onProgress?: (p: { sent: number, done: number, ok: number, failed: number, inflight: number }) => void }} [hooks]
 */
export function runLoad(plan, { onStart, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(LOADGEN, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    let result;
    child.on('message', (message) => {
      if (message.type === 'progress') onProgress?.(message);
      if (message.type === 'result') result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code} and no result`))));
    onStart?.(child.pid);
    child.send(plan);
  });
}
