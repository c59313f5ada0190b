/** What the numbers depend on: the machine, its load, the code, the message actually sent. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { paths } from '../../stack/lib/config.mjs';

export function machineInfo() {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.versions.node,
    loadAvgStart: loadAverage(),
  };
}

export const loadAverage = () => loadavg()[0].toFixed(2);

export function gitInfo() {
  const git = (...args) => execFileSync('git', args, { cwd: paths.repoRoot, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** The recorded example envelope (used before the services have produced a real one). */
export function exampleMessage() {
  const envelope = JSON.parse(readFileSync(join(paths.repoRoot, 'libs/published-language/src/examples/checkout.cart-checked-out.v2.json'), 'utf8'));
  return { envelope, headers: headersOf(envelope) };
}

/** A real `checkout.cart-checked-out.v2` as the relay sends it: value bytes and header bytes. */
export async function realMessage(checkoutPool) {
  const { rows } = await checkoutPool.query("SELECT payload, headers FROM outbox WHERE event_type = 'checkout.cart-checked-out.v2' ORDER BY position DESC LIMIT 1");
  if (!rows[0]) return null;
  const { payload, headers } = rows[0];
  const headerBytes = Object.entries(headers).reduce((s, [k, v]) => s + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
  return { envelope: payload, headers, valueBytes: Buffer.byteLength(JSON.stringify(payload)), headerBytes };
}

function headersOf(envelope) {
  return {
    'bazaar-event-id': envelope.id,
    'bazaar-event-type': `${envelope.type}.v${envelope.version}`,
    'bazaar-producer': envelope.producer,
    'bazaar-correlation-id': envelope.correlationId,
    ...(envelope.traceparent ? { traceparent: envelope.traceparent } : {}),
  };
}
