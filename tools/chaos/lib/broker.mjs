/**
 * The run's own Kafka broker, started and restarted with tools/stack's code (on the ports and
 * state directory chaos.mjs put in the environment), so the shared broker on 9092 is never touched.
 */
import { rmSync } from 'node:fs';
import { kafkaPorts, loadStack, paths } from '../../stack/lib/config.mjs';
import { brokerPid, ensureBroker, stopBroker } from '../../stack/lib/kafka-broker.mjs';
import { isPortOpen, sleep, waitFor } from '../../stack/lib/wait.mjs';

export const startBroker = () => ensureBroker(loadStack());

/**
 * Stops the broker — gracefully (SIGTERM: a controlled shutdown) or not (SIGKILL: a crash; the next
 * start then waits for the old registration to expire) — and starts it again; resolves once it answers.
 * @param {{ hard: boolean }} o
 */
export async function restartBroker({ hard }) {
  const pid = brokerPid();
  if (hard && pid) process.kill(pid, 'SIGKILL');
  else await stopBroker();
  // A JVM's main thread can be reaped before its other threads: the listeners close with the last one.
  const { broker, controller } = kafkaPorts();
  await waitFor(async () => !(await isPortOpen(broker)) && !(await isPortOpen(controller)), { timeoutMs: 60_000, intervalMs: 100 });
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBroker();
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(2_000);
    }
  }
}

/** Stops the broker and, unless kept, deletes its data. */
export async function removeBroker({ keep }) {
  await stopBroker();
  if (!keep) rmSync(paths.kafkaData, { recursive: true, force: true });
}
