/**
 * Latency against accepted throughput as a self-contained SVG (no dependency): one line per
 * latency series over the open-loop steps, log-scaled latency, the closed-loop maximum as a ring.
 */

const W = 860;
const H = 480;
const M = { left: 84, right: 200, top: 40, bottom: 56 };
const COLORS = ['#1f77b4', '#aec7e8', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/**
 * @param {{ title: string, series: { name: string, points: { x: number, y: number }[] }[],
 *           closed?: { name: string, points: { x: number, y: number }[] }[], marks?: { x: number, label: string }[] }} chart
 *   marks: vertical lines at a throughput, e.g. a ceiling
 */
export function latencyThroughputSvg({ title, series, closed = [], marks = [] }) {
  const all = [...series, ...closed].flatMap((s) => s.points).filter((p) => p.y > 0 && Number.isFinite(p.y));
  const xMax = niceCeil(Math.max(1, ...all.map((p) => p.x), ...marks.map((m) => m.x)) * 1.05);
  const yMin = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...all.map((p) => p.y), 1))));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(10, ...all.map((p) => p.y))));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x) => M.left + (x / xMax) * pw;
  const sy = (y) => M.top + ph - ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * ph;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="15" font-weight="bold">${escape(title)}</text>`);
  for (let d = Math.log10(yMin); d <= Math.log10(yMax); d += 1) {
    const y = sy(10 ** d);
    out.push(`<line x1="${M.left}" y1="${y}" x2="${M.left + pw}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${M.left - 8}" y="${y + 4}" text-anchor="end">${formatMs(10 ** d)}</text>`);
  }
  for (const x of ticks(xMax)) {
    out.push(`<line x1="${sx(x)}" y1="${M.top}" x2="${sx(x)}" y2="${M.top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${sx(x)}" y="${M.top + ph + 18}" text-anchor="middle">${x}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 14}" text-anchor="middle">accepted orders/s</text>`);
  out.push(`<text transform="translate(16 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">latency (log scale)</text>`);
  for (const m of marks) {
    out.push(`<line x1="${sx(m.x)}" y1="${M.top}" x2="${sx(m.x)}" y2="${M.top + ph}" stroke="#888" stroke-dasharray="5,4"/>`);
    out.push(`<text x="${sx(m.x) - 4}" y="${M.top + 14}" text-anchor="end" fill="#555">${escape(m.label)}</text>`);
  }
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = s.points.filter((p) => p.y > 0);
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}"/>`);
    for (const p of pts) out.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3.5" fill="${color}"/>`);
    const ly = M.top + 10 + i * 20;
    out.push(`<line x1="${M.left + pw + 16}" y1="${ly}" x2="${M.left + pw + 40}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${M.left + pw + 46}" y="${ly + 4}">${escape(s.name)}</text>`);
  });
  closed.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    for (const p of s.points.filter((q) => q.y > 0)) out.push(`<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="6" fill="none" stroke="${color}" stroke-width="2"/>`);
  });
  if (closed.length) {
    const ly = M.top + 10 + series.length * 20 + 6;
    out.push(`<circle cx="${M.left + pw + 28}" cy="${ly}" r="6" fill="none" stroke="#333" stroke-width="2"/>`);
    out.push(`<text x="${M.left + pw + 46}" y="${ly + 4}">closed-loop maximum</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

function niceCeil(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((c) => c >= v * (1 - 1e-9));
}

function ticks(max) {
  const step = niceCeil(max / 6);
  const out = [];
  for (let x = 0; x <= max + 1e-9; x += step) out.push(Math.round(x));
  return out;
}

const formatMs = (ms) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
