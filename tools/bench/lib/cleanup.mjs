/**
 * What to undo when a run is interrupted (Ctrl-C, SIGTERM): stop the services and drop the run's
 * databases and topics, newest first, then exit. Normal runs undo the same things themselves.
 */
const undo = [];
let cleaning = null;

/** Resolves when an interrupt's clean-up has finished (at once if there was none). */
export const interruptCleanup = () => cleaning ?? Promise.resolve();

/** @param {() => Promise<unknown>} fn @returns {() => void} call it once the thing is undone normally */
export function onInterrupt(fn) {
  undo.push(fn);
  return () => undo.splice(undo.indexOf(fn) >>> 0, 1);
}

export function handleInterrupts(log) {
  const handler = (signal) => {
    log(`${signal}: cleaning up`);
    cleaning = (async () => {
      for (const fn of undo.reverse()) await fn().catch(() => undefined);
    })();
    cleaning.then(() => process.exit(130));
  };
  process.once('SIGINT', handler).once('SIGTERM', handler);
}
