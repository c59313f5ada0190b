/** The processes whose CPU and memory a run reports. */
import { brokerPid } from '../../stack/lib/kafka-broker.mjs';
import { pidsNamed } from './observe/proc-stats.mjs';

/** @returns {import('./observe/resources.mjs').ProcessGroup[]} */
export function processGroups(system, loadgenPids) {
  const broker = brokerPid();
  const postgres = cached(() => pidsNamed('postgres'), 5000);
  return [
    // A context's replicas are one group: their CPU adds up, their memory is the largest process's.
    ...[...new Set(system.services.map((s) => s.name))].map((name) => ({
      name,
      pids: () => system.services.filter((s) => s.name === name).map((s) => s.pid),
      memory: 'rss-largest',
    })),
    { name: 'kafka', pids: () => (broker ? [broker] : []), memory: 'rss' },
    { name: 'postgres', pids: postgres, memory: 'pss' },
    { name: 'loadgen', pids: () => [...loadgenPids], memory: 'rss' },
    { name: 'bench', pids: () => [process.pid], memory: 'rss' },
  ];
}

/** Scanning /proc every second costs more than it tells: PostgreSQL's pool connections live long. */
function cached(fn, ms) {
  let value;
  let at = 0;
  return () => {
    if (Date.now() - at > ms) [value, at] = [fn(), Date.now()];
    return value;
  };
}
