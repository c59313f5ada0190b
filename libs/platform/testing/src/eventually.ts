import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it stops throwing (and returns), or fails with its last error after the
 * deadline. The way tests wait for asynchronous effects, instead of fixed sleeps.
 */
export async function eventually<T>(probe: () => Promise<T> | T, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await sleep(options.intervalMs ?? 50);
  }
}
