import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One sample of Prometheus' text exposition. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Reads a running service's `GET /metrics` (checking it answers Prometheus' text format). */
export async function scrapeMetrics(app: NestFastifyApplication): Promise<MetricSample[]> {
  const response = await fetch(`${await app.getUrl()}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/plain')) throw new Error(`GET /metrics answered ${response.headers.get('content-type')}`);
  return parseExposition(await response.text());
}

/** The samples of Prometheus' text format (comments skipped). */
export function parseExposition(text: string): MetricSample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      // `name{label="value",…} value` (prom-client writes no timestamps).
      const valueAt = line.lastIndexOf(' ');
      const series = line.slice(0, valueAt);
      const brace = series.indexOf('{');
      const name = brace < 0 ? series : series.slice(0, brace);
      const labelText = brace < 0 ? '' : series.slice(brace + 1, series.lastIndexOf('}'));
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
      return { name, labels, value: Number(line.slice(valueAt + 1)) };
    });
}

/** The sum of the samples named `name` whose labels include `labels` (0 when there is none). */
export function sumOf(samples: readonly MetricSample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}
