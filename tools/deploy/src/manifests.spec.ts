import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { K8sObject, renderKustomization } from './render';
import { loadManifestValidator, ManifestValidator, strictStructural } from './schemas/manifest-schemas';
import { scratchDir, workspace } from './workspace';

/**
 * What `kubectl apply -k k8s/overlays/<dev|prod>` would send is valid against the Kubernetes API,
 * the CRDs of the operators docs/deploying.md pins (Strimzi, CloudNativePG) and prometheus-operator,
 * with strict field validation: a misspelt or misplaced field fails here instead of being silently
 * dropped by the API server.
 */
let validator: ManifestValidator;
beforeAll(() => {
  validator = loadManifestValidator();
}, 120_000);

const overlays = ['k8s/overlays/dev', 'k8s/overlays/prod'];
const rendered = new Map(overlays.map((overlay) => [overlay, renderKustomization(overlay)]));
const problemsOf = (objects: readonly K8sObject[]) => objects.flatMap((object) => validator.problems(object).map((problem) => `${object.kind}/${object.metadata.name} ${problem}`));

describe.each(overlays)('%s', (overlay) => {
  const objects = rendered.get(overlay)!;

  it('renders every service, its data and its monitoring', () => {
    const kinds = new Set(objects.map((object) => `${object.apiVersion}/${object.kind}`));
    for (const kind of [
      'apps/v1/Deployment',
      'v1/Service',
      'networking.k8s.io/v1/NetworkPolicy',
      'postgresql.cnpg.io/v1/Cluster',
      'kafka.strimzi.io/v1/Kafka',
      'kafka.strimzi.io/v1/KafkaNodePool',
      'kafka.strimzi.io/v1/KafkaTopic',
      'kafka.strimzi.io/v1/KafkaUser',
      'monitoring.coreos.com/v1/ServiceMonitor',
      'monitoring.coreos.com/v1/PrometheusRule',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('validates every rendered object against its schema, unknown fields failing', () => {
    expect(problemsOf(objects)).toEqual([]);
  });
});

describe('the validation', () => {
  const prod = rendered.get('k8s/overlays/prod')!;
  const withField = (object: K8sObject, path: readonly (string | number)[], value: unknown): K8sObject => {
    const copy = structuredClone(object) as Record<string, unknown>;
    let node = copy as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    node[path[path.length - 1]] = value;
    return copy as K8sObject;
  };

  it('has a schema for every kind the overlays render, and fails a kind it has none for', () => {
    const kinds = new Set(prod.map((object) => `${object.apiVersion}/${object.kind}`));
    expect([...kinds].filter((kind) => !validator.kinds.includes(kind))).toEqual([]);
    expect(validator.problems({ apiVersion: 'example.com/v1', kind: 'Widget' })).toEqual([expect.stringContaining('no schema for example.com/v1/Widget')]);
  });

  // One object of each kind, with a field its schema does not declare, where a typo would land.
  it.each([...new Set(prod.map((object) => object.kind))])('fails a %s with an unknown field', (kind) => {
    const object = prod.find((candidate) => candidate.kind === kind)!;
    const path = object['spec'] ? ['spec', 'bogusField'] : ['bogusField'];
    expect(validator.problems(withField(object, path, 'x'))).toEqual([expect.stringContaining('unknown field "bogusField"')]);
  });

  it('fails unknown fields deep inside, and values of the wrong type or outside an enum', () => {
    const deployment = prod.find((object) => object.kind === 'Deployment')!;
    const kafka = prod.find((object) => object.kind === 'Kafka')!;
    const cluster = prod.find((object) => object.kind === 'Cluster')!;
    const service = prod.find((object) => object.kind === 'Service')!;
    expect(validator.problems(withField(deployment, ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicyy'], 'Always'))).toEqual([
      expect.stringContaining('unknown field "imagePullPolicyy"'),
    ]);
    expect(validator.problems(withField(kafka, ['spec', 'kafka', 'listeners', 0, 'tlss'], true))).toEqual([expect.stringContaining('unknown field "tlss"')]);
    expect(validator.problems(withField(cluster, ['spec', 'postgresql', 'pg_hbaa'], []))).toEqual([expect.stringContaining('unknown field "pg_hbaa"')]);
    expect(validator.problems(withField(deployment, ['spec', 'replicas'], 'two')).length).toBeGreaterThan(0);
    expect(validator.problems(withField(service, ['spec', 'ports', 0, 'protocol'], 'HTTP')).length).toBeGreaterThan(0);
    // Kafka's broker config is free-form (x-kubernetes-preserve-unknown-fields): any key is accepted.
    expect(validator.problems(withField(kafka, ['spec', 'kafka', 'config', 'log.retention.hours'], 168))).toEqual([]);
  });

  it('fails an overlay whose patch adds an unknown field, end to end through kustomize', () => {
    const dir = scratchDir('overlay-');
    try {
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          `resources: [${relative(dir, join(workspace, 'k8s/overlays/prod'))}]`,
          'patches:',
          '  - target: { kind: Deployment, name: checkout }',
          '    patch: |-',
          '      - { op: add, path: /spec/template/spec/containers/0/livenessprobe, value: { periodSeconds: 10 } }',
          '  - target: { kind: KafkaTopic, name: checkout.orders }',
          '    patch: |-',
          '      - { op: add, path: /spec/retention, value: -1 }',
        ].join('\n'),
      );
      expect(problemsOf(renderKustomization(dir))).toEqual([
        expect.stringMatching(/^Deployment\/checkout .*unknown field "livenessprobe"/),
        expect.stringMatching(/^KafkaTopic\/checkout\.orders .*unknown field "retention"/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('strictStructural', () => {
  it('closes declared objects, keeps maps and preserved objects open, and leaves oneOf branches alone', () => {
    const strict = strictStructural({
      type: 'object',
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        volume: { type: 'object', properties: { secret: { type: 'object', properties: { name: { type: 'string' } } } }, oneOf: [{ properties: { secret: {} } }] },
      },
    });
    expect(strict).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        volume: {
          type: 'object',
          additionalProperties: false,
          properties: { secret: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } } },
          oneOf: [{ properties: { secret: {} } }],
        },
      },
    });
  });
});
