import { ChildProcessByStdio, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { System } from './system';

const workspace = join(__dirname, '../../../..');

/** The built console server, pointed at one System's four services. */
export interface RunningConsole {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startConsole(system: System): Promise<RunningConsole> {
  const main = join(workspace, 'dist/apps/console/main.js');
  if (!existsSync(main) || !existsSync(join(workspace, 'dist/apps/console/public/index.html'))) throw new Error('dist/apps/console is missing: build the console first');
  const logDir = join(workspace, 'tmp/e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const child = spawn(process.execPath, [main], {
    cwd: workspace,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      PORT: '0',
      CONSOLE_DEV_TOKENS: 'true',
      // The role picker's tokens come from the system's issuer, which the services trust.
      AUTH_ISSUER: system.issuer.url,
      CHECKOUT_URL: system.url('checkout'),
      FULFILLMENT_URL: system.url('fulfillment'),
      FINANCE_URL: system.url('finance'),
      SUPPORT_URL: system.url('support'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcessByStdio<null, Readable, Readable>;
  const log = createWriteStream(join(logDir, `${system.topics.prefix}console-${child.pid}.log`));
  child.stderr.pipe(log);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the console did not start within 20s (see ${logDir})`)), 20_000);
    child.once('exit', (code) => reject(new Error(`the console exited with ${code} before listening (see ${logDir})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      const entry = safeJson(line);
      if (entry?.['msg'] === 'console listening' && typeof entry['url'] === 'string') {
        clearTimeout(timer);
        resolve(entry['url']);
      }
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function safeJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
