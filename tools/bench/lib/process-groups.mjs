/** The processes whose CPU and memory a run reports. */
import { brokerPid } from '../../stack/lib/kafka-broker.mjs';
import { pidsNamed } from './observe/proc-stats.mjs';

/** @returns {import('./observe/resources.mjs').ProcessGroup[]} */
export function processGroups(system, loadgenPids) {
  const broker = brokerPid();
  return [
    ...system.services.map((s) => ({ name: s.name, pids: () => [s.pid], memory: 'rss' })),
    { name: 'kafka', pids: () => (broker ? [broker] : []), memory: 'rss' },
    { name: 'postgres', pids: () => pidsNamed('postgres'), memory: 'pss' },
    { name: 'loadgen', pids: () => [...loadgenPids], memory: 'rss' },
    { name: 'bench', pids: () => [process.pid], memory: 'rss' },
  ];
}
