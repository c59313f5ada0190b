import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportedSeriesNames } from '@bazaar/platform-service/metric-catalog';
import { load } from 'js-yaml';
import { metricNames } from './promql';
import { renderKustomization } from './render';
import { scratchDir, workspace } from './workspace';

/**
 * The alert rules and the dashboard an on-call engineer gets: the rules are valid and each alert
 * fires on a bad series and stays quiet otherwise (promtool), Kubernetes gets the same rules and
 * dashboard, and every metric they query is one the services export.
 */
const read = (path: string) => readFileSync(join(workspace, path), 'utf8');
type RuleGroup = { name: string; rules: { alert?: string; record?: string; expr: string }[] };
const alertGroups = (load(read('docker/monitoring/alerts.yml')) as { groups: RuleGroup[] }).groups;
const dashboard = JSON.parse(read('docker/monitoring/grafana/bazaar.json')) as {
  panels: { title: string; type: string; targets?: { expr: string }[] }[];
  templating: { list: { definition?: string }[] };
};
const base = renderKustomization('k8s/base');

function promtool(...args: string[]) {
  const result = spawnSync('promtool', args, { cwd: workspace, encoding: 'utf8' });
  if (result.error) {
    throw new Error(`cannot run promtool (${result.error.message}): install Prometheus's tools (bash tools/install-tools.sh, or apt-get install prometheus)`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('docker/monitoring/alerts.yml', () => {
  it('passes promtool check rules', () => {
    const result = promtool('check', 'rules', 'docker/monitoring/alerts.yml');
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('passes its unit tests: each alert fires on a bad series and stays quiet on a healthy one', () => {
    const result = promtool('test', 'rules', 'docker/monitoring/alerts.test.yml');
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('has a unit test for every alert', () => {
    const tested = new Set(
      (load(read('docker/monitoring/alerts.test.yml')) as { tests: { alert_rule_test: { alertname: string; exp_alerts: unknown[] }[] }[] }).tests.flatMap((test) =>
        test.alert_rule_test.filter((check) => check.exp_alerts.length > 0).map((check) => check.alertname),
      ),
    );
    expect(alertGroups.flatMap((group) => group.rules.map((rule) => rule.alert))).toEqual([...tested]);
  });

  it.each([
    ['a dead-letter threshold that would not fire', '(increase(bazaar_dead_letters_total[5m])) > 0', '(increase(bazaar_dead_letters_total[5m])) > 5'],
    ['an outbox threshold that fires on a draining outbox', '(bazaar_outbox_oldest_unpublished_age_seconds) > 30', '(bazaar_outbox_oldest_unpublished_age_seconds) > 0'],
  ])('makes the unit tests fail for %s (they can fail)', (_, from, to) => {
    const dir = scratchDir('alerts-');
    try {
      writeFileSync(join(dir, 'alerts.yml'), read('docker/monitoring/alerts.yml').replace(from, to));
      copyFileSync(join(workspace, 'docker/monitoring/alerts.test.yml'), join(dir, 'alerts.test.yml'));
      const result = promtool('test', 'rules', join(dir, 'alerts.test.yml'));
      expect(result.output).toContain('FAILED');
      expect(result.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('on Kubernetes', () => {
  it('the PrometheusRule carries exactly the groups of alerts.yml', () => {
    const rules = base.filter((object) => object.kind === 'PrometheusRule');
    expect(rules.map((rule) => rule['spec'].groups)).toEqual([alertGroups]);
  });

  it('the dashboard ConfigMap is docker/monitoring/grafana/bazaar.json, labelled for the Grafana sidecar', () => {
    const configMap = base.find((object) => object.kind === 'ConfigMap' && object.metadata.labels?.['grafana_dashboard'] === '1');
    expect(JSON.parse(configMap?.['data']['bazaar.json'])).toEqual(dashboard);
  });

  it('every context of stack.json has a ServiceMonitor scraping /metrics on its http port', () => {
    const stack = JSON.parse(read('docker/provisioning/stack.json')) as { contexts: { name: string }[] };
    const monitors = base.filter((object) => object.kind === 'ServiceMonitor');
    for (const context of stack.contexts) {
      const monitor = monitors.find((candidate) => candidate['spec'].selector.matchLabels['app.kubernetes.io/name'] === context.name);
      expect(monitor?.['spec'].endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    }
  });
});

describe('what the rules and the dashboard query', () => {
  const exported = exportedSeriesNames();
  const queries = [
    ...alertGroups.flatMap((group) => group.rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr }))),
    ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr }))),
    ...dashboard.templating.list
      .filter((variable) => variable.definition)
      .map((variable) => ({ where: 'a dashboard variable', expr: variable.definition!.replace(/^label_values\(([^,]+),.*$/, '$1') })),
  ];

  it('are metrics the services export (libs/platform/service/src/observability/metric-catalog.ts)', () => {
    const unknown = queries.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !exported.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('cover request rate, latency and errors, the outbox, lag, handlers, dead letters, stalls, the event loop and memory', () => {
    const used = new Set(queries.flatMap(({ expr }) => metricNames(expr)));
    for (const name of [
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_bucket',
      'bazaar_outbox_backlog_messages',
      'bazaar_outbox_oldest_unpublished_age_seconds',
      'bazaar_consumer_lag_messages',
      'bazaar_consumer_handler_duration_seconds_bucket',
      'bazaar_dead_letters_total',
      'bazaar_consumer_stalled_partitions',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(used).toContain(name);
    }
  });

  it('are read by a name extractor that finds metrics and skips functions, labels and keywords', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (service, le) (rate(a_seconds_bucket{service=~"$service",code="5.."}[$__rate_interval]))) / on (service) group_left b_total offset 10m > bool 0.5 unless c',
      ).sort(),
    ).toEqual(['a_seconds_bucket', 'b_total', 'c']);
  });
});
