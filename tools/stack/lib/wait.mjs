/** Polling helpers: sleep, TCP port probe, HTTP status probe, deadline loop. */
import { connect } from 'node:net';

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @returns {Promise<boolean>} whether something accepts TCP connections on host:port */
export function isPortOpen(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** @returns {Promise<number | null>} the HTTP status of a GET, null when nothing answers */
export async function httpStatus(url, timeoutMs = 2000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return null;
  }
}

/**
 * Calls probe() until it returns truthy or the deadline passes.
 * onWait(secondsSoFar) is called about every 5 s so long waits show progress;
 * it may throw to abort early (e.g. the process died).
 * @template T
 * @param {() => Promise<T>} probe
 * @param {{ timeoutMs: number, intervalMs?: number, onWait?: (s: number) => void }} o
 * @returns {Promise<T | undefined>}
 */
export async function waitFor(probe, { timeoutMs, intervalMs = 500, onWait }) {
  const start = Date.now();
  let lastReport = start;
  while (Date.now() - start < timeoutMs) {
    const result = await probe();
    if (result) return result;
    if (onWait && Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      onWait(Math.round((Date.now() - start) / 1000));
    }
    await sleep(intervalMs);
  }
  return undefined;
}
