/**
 * Open loop: requests leave on a fixed schedule (request i at start + i / rate) whether or not
 * earlier ones have answered, the way independent buyers arrive. Latency runs from the scheduled
 * time, so when the server (or the generator) falls behind, the wait shows up in the numbers.
 */
import { orderRequest } from './orders.mjs';
import { Recorder } from './recorder.mjs';

/**
 * @param {{ client: import("./http-client.mjs").HttpClient, rate: number, warmupMs: number,
 *           durationMs: number, prefix: string, tokenFor: (buyerId: string) => string, onStart?: (r: Recorder) => void }} o
 */
export async function openLoop({ client, rate, warmupMs, durationMs, prefix, tokenFor, onStart }) {
  const start = performance.now() + 5;
  const interval = 1000 / rate;
  const count = Math.floor(((warmupMs + durationMs) / 1000) * rate);
  const recorder = new Recorder(start + warmupMs, start + warmupMs + durationMs);
  onStart?.(recorder);
  const inflight = new Set();
  let issued = 0;

  const fire = (n, scheduledAt) => {
    const { key, body, buyerId } = orderRequest(prefix, n);
    const token = tokenFor(buyerId);
    const sentAt = performance.now();
    recorder.sent();
    const done = client.post(body, key, token).then((r) => {
      recorder.record(scheduledAt, sentAt, performance.now(), r);
      inflight.delete(done);
    });
    inflight.add(done);
  };

  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(count, Math.floor((performance.now() - start) / interval) + 1);
      while (issued < due) {
        fire(issued, start + issued * interval);
        issued += 1;
      }
      if (issued >= count) return resolve();
      setTimeout(tick, Math.max(0, start + issued * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await Promise.all(inflight);
  return recorder;
}
