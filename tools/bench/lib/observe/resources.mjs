/**
 * CPU and memory of every process that matters, sampled once a second: the four services, the
 * broker, PostgreSQL (all its processes), the load generator and this tool; the kernel's interrupt
 * handling and the hypervisor's steal; "other" is every other process (other people's work
 * contaminates a run: it shows there).
 */
import { cpuSecondsOf, machineCpuSeconds, memoryOf, pssMbOf } from './proc-stats.mjs';
import { Sampler } from './sampler.mjs';
import { maxOf, round } from '../stats.mjs';

/**
 * `rss` adds up the processes' resident memory, `rss-largest` takes the largest process's (a service's
 * replicas: each must fit its own limit), `pss` adds up proportional set sizes (PostgreSQL's shared buffers).
 * @typedef {{ name: string, pids: () => number[], memory: 'rss' | 'rss-largest' | 'pss' }} ProcessGroup
 */

/**
 * @param {ProcessGroup[]} groups
 * @param {number} memoryEvery memory is read every n-th sample: PSS walks page tables, which costs
 *   the kernel real time with PostgreSQL's many processes (CPU is read every sample)
 */
export function resourceSampler(groups, intervalMs = 1000, memoryEvery = 5) {
  const lastCpu = new Map();
  let lastMachine = machineCpuSeconds();
  let n = 0;
  const sampler = new Sampler(() => {
    const sample = {};
    const withMemory = n++ % memoryEvery === 0;
    let accounted = 0;
    for (const group of groups) {
      let cpu = 0;
      let memory = 0;
      let peak = 0;
      for (const pid of group.pids()) {
        const seconds = cpuSecondsOf(pid);
        if (seconds === null) continue;
        cpu += seconds - (lastCpu.get(pid) ?? seconds);
        lastCpu.set(pid, seconds);
        if (!withMemory) continue;
        if (group.memory === 'pss') memory += pssMbOf(pid) ?? 0;
        else {
          const m = memoryOf(pid);
          memory = group.memory === 'rss-largest' ? Math.max(memory, m?.rssMb ?? 0) : memory + (m?.rssMb ?? 0);
          peak = Math.max(peak, m?.peakRssMb ?? 0);
        }
      }
      accounted += cpu;
      sample[group.name] = { cpu, ...(withMemory ? { memoryMb: memory } : {}), ...(peak ? { peakRssMb: peak } : {}) };
    }
    const machine = machineCpuSeconds();
    const delta = (key) => machine[key] - lastMachine[key];
    sample.machine = { cpu: delta('busy'), wall: delta('total') };
    sample.interrupts = { cpu: delta('irq') };
    sample.steal = { cpu: delta('steal') };
    sample.other = { cpu: Math.max(0, delta('busy') - delta('irq') - delta('steal') - accounted) };
    lastMachine = machine;
    return sample;
  }, intervalMs);
  const names = [...groups.map((g) => g.name), 'interrupts', 'steal', 'other'];
  sampler.summarize = (from, to) => summarizeResources(sampler.between(from, to), names, (to - from) / 1000);
  return sampler;
}

/** Average cores used and peak memory per group over a window. */
export function summarizeResources(samples, names, seconds) {
  const out = {};
  for (const name of names) {
    const rows = samples.map((s) => s[name]).filter(Boolean);
    out[name] = {
      cpuCores: round(rows.reduce((sum, r) => sum + r.cpu, 0) / seconds, 2),
      peakMemoryMb: round(maxOf(rows.filter((r) => 'memoryMb' in r).map((r) => r.memoryMb))),
    };
  }
  const machine = samples.map((s) => s.machine).filter(Boolean);
  const wall = machine.reduce((sum, m) => sum + m.wall, 0);
  out.machine = { busyPercent: wall ? round((100 * machine.reduce((sum, m) => sum + m.cpu, 0)) / wall) : null };
  return out;
}
