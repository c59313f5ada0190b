import { latencyThroughputSvg } from '../lib/report/chart-svg.mjs';

describe('the latency-throughput chart', () => {
  const svg = latencyThroughputSvg({
    title: 'Bazaar <test>',
    series: [
      {
        name: 'HTTP p99',
        points: [
          { x: 100, y: 12 },
          { x: 250, y: 40 },
        ],
      },
    ],
    closed: [{ name: 'HTTP p99', points: [{ x: 300, y: 900 }] }],
  });

  it('is a standalone SVG document with the title escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Bazaar &lt;test>');
  });

  it('draws each series as a line with its legend and marks the closed-loop point', () => {
    expect(svg).toContain('<polyline');
    expect(svg).toContain('>HTTP p99</text>');
    expect(svg).toContain('closed-loop maximum');
  });

  it('spans the latencies on a decade scale', () => {
    expect(svg).toContain('>10 ms</text>');
    expect(svg).toContain('>1 s</text>');
  });
});
