/** Reads CPU time and memory of processes from Linux /proc (null where it cannot). */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

const read = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** User + system CPU seconds the process has used so far. */
export function cpuSecondsOf(pid) {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

/** Resident set now and its peak (VmHWM), in MB. */
export function memoryOf(pid) {
  const status = read(`/proc/${pid}/status`);
  if (!status) return null;
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** Proportional set size in MB: shared pages split among sharers (right for PostgreSQL's many processes). */
export function pssMbOf(pid) {
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  const kb = rollup && /^Pss:\s+(\d+)/m.exec(rollup)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

/** Every process whose command is `name` (e.g. all PostgreSQL server processes). */
export function pidsNamed(name) {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => read(`/proc/${pid}/comm`)?.trim() === name)
    .map(Number);
}

/**
 * CPU seconds of the whole machine since boot (all cores): busy and total, and the parts of busy
 * no process is charged for — interrupt handling (loopback networking lands here) and steal (a
 * virtual machine's host taking the CPU).
 */
export function machineCpuSeconds() {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  // user nice system idle iowait irq softirq steal (guest time is already inside user)
  const [, ...v] = line.trim().split(/\s+/).map(Number);
  const at = (i) => v[i] ?? 0;
  const total = [0, 1, 2, 3, 4, 5, 6, 7].reduce((sum, i) => sum + at(i), 0);
  const busy = total - at(3) - at(4);
  return { busy: busy / TICKS, total: total / TICKS, irq: (at(5) + at(6)) / TICKS, steal: at(7) / TICKS };
}
