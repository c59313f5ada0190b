/**
 * Closed loop: a fixed number of connections, each sending its next request as soon as the previous
 * one answered. It finds the maximum throughput; its latency is service time at that concurrency.
 */
import { orderRequest } from './orders.mjs';
import { Recorder } from './recorder.mjs';

/**
 * @param {{ client: import("./http-client.mjs").HttpClient, connections: number, warmupMs: number,
 *           durationMs: number, prefix: string, tokenFor: (buyerId: string) => string, onStart?: (r: Recorder) => void }} o
 */
export async function closedLoop({ client, connections, warmupMs, durationMs, prefix, tokenFor, onStart }) {
  const start = performance.now();
  const end = start + warmupMs + durationMs;
  const recorder = new Recorder(start + warmupMs, end);
  onStart?.(recorder);
  let n = 0;

  const worker = async () => {
    while (performance.now() < end) {
      const { key, body, buyerId } = orderRequest(prefix, n++);
      const token = tokenFor(buyerId);
      const sentAt = performance.now();
      recorder.sent();
      const r = await client.post(body, key, token);
      recorder.record(sentAt, sentAt, performance.now(), r);
      // A refused connection answers at once: do not spin the CPU the server needs.
      if (r.status === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return recorder;
}
