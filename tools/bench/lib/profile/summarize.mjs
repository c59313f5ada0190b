/** A .cpuprofile reduced to where the time went: self time by package or area, and the top functions. */
import { readFileSync } from 'node:fs';

/** @param {string} url a script URL from the profile */
export function areaOf(url, functionName) {
  if (!url) return functionName === '(garbage collector)' ? 'GC' : functionName.startsWith('(') ? functionName : 'native bindings (socket I/O, crypto, …)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  if (url.includes('/dist/apps/')) return 'service bundle (Bazaar code)';
  return url;
}

/** @param {string} file */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...self.values()].reduce((s, v) => s + v, 0);
  const areas = new Map();
  const functions = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const area = areaOf(callFrame.url, callFrame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} · ${area}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const idle = areas.get('(idle)') ?? 0;
  const busy = total - idle;
  // Shares of the busy time: idle is waiting for I/O, not a cost.
  const share = (entries) =>
    [...entries]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, percent: Math.round((1000 * us) / busy) / 10 }));
  return { sampledSeconds: Math.round(total / 1e5) / 10, busySeconds: Math.round(busy / 1e5) / 10, areas: share(areas), functions: share(functions) };
}
