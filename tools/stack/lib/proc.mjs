/**
 * Detached processes, pid files and "who owns this port". Linux reads /proc;
 * elsewhere (macOS) it falls back to ps and lsof.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sleep } from './wait.mjs';

const linux = process.platform === 'linux';

/** @param {string} file @returns {number | null} */
export function readPid(file) {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** @param {string} file @param {number} pid */
export function writePid(file, pid) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${pid}\n`);
}

/** @param {string} file */
export const removePid = (file) => rmSync(file, { force: true });

/** True for a running process; a zombie (exited, not yet reaped) counts as gone. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  if (!linux) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** @returns {string} the command line of pid, '' if unknown */
export function cmdline(pid) {
  if (linux) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      return '';
    }
  }
  return spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).stdout?.trim() ?? '';
}

/** The pid listening on a TCP port, or null if none is found (or it belongs to someone we cannot see). */
export function portOwner(port) {
  if (!linux) {
    const out = spawnSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-t'], { encoding: 'utf8' }).stdout ?? '';
    const pid = Number(out.split('\n')[0]);
    return pid > 0 ? pid : null;
  }
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] = local "ADDR:PORT" in hex, f[3] = state (0A = LISTEN), f[9] = socket inode
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === port) inodes.add(`socket:[${f[9]}]`);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
      } catch {
        /* fd closed while we looked */
      }
    }
  }
  return null;
}

/**
 * Starts a command in its own session (setsid via `detached`), so it outlives
 * the CLI and a Ctrl-C in the terminal does not reach it. The previous log is
 * kept as <log>.1 so a crash after a restart can still be read.
 * exitReason() tells, while this CLI runs, whether and how the process ended.
 * @param {{ cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv, logFile: string }} o
 */
export function spawnDetached({ cmd, args, cwd, env = process.env, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true });
  if (existsSync(logFile)) renameSync(logFile, `${logFile}.1`);
  const fd = openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  child.unref();
  // Listen now: a process that dies at once must not be missed while we start others.
  let exit = null;
  child.once('exit', (code, sig) => (exit = sig ?? `exit code ${code}`));
  return { pid: child.pid, exitReason: () => exit };
}

/** Signals the whole process group (the process leads it, see spawnDetached), else the pid alone. */
function signal(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

/**
 * SIGTERM (Kafka does a controlled shutdown on it), wait, then SIGKILL.
 * @returns {Promise<'stopped' | 'killed' | 'not running'>}
 */
export async function stopProcess(pid, timeoutMs = 30_000) {
  if (!isAlive(pid)) return 'not running';
  signal(pid, 'SIGTERM');
  signal(pid, 'SIGCONT'); // a stopped (Ctrl-Z, SIGSTOP) process only sees SIGTERM once resumed
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  signal(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(100);
  return 'killed';
}

/** Last lines of a log file, for failure messages. */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return `(no log at ${file})`;
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
