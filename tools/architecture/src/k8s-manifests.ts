import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAll } from 'js-yaml';

/** Helpers for the specs that keep k8s/ in step with docker/provisioning/stack.json. */
export const workspace = join(__dirname, '../../..');

export interface Stack {
  readonly kafka: { readonly defaultPartitions: number };
  readonly contexts: readonly { name: string; database: string; owner: string; role: string; port: number }[];
  /** Systems we do not own but run a stand-in of (the legacy billing system): a database and a port, no Kafka. */
  readonly externalSystems?: readonly { name: string; database: string; role: string; port: number }[];
  readonly topics: readonly { name: string; owner: string; partitions?: number; config?: Record<string, string> }[];
  readonly console?: { readonly name: string; readonly port: number };
}

export function loadStack(): Stack {
  return JSON.parse(readFileSync(join(workspace, 'docker/provisioning/stack.json'), 'utf8')) as Stack;
}

/** A Kubernetes object as parsed from YAML; specs read the fields they need. */
export interface Manifest {
  readonly file: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly spec?: any;
}

/** Every object in every YAML file under `k8s/<folder>`, as written (not rendered by kustomize). */
export function loadManifests(folder = ''): Manifest[] {
  return yamlFiles(join(workspace, 'k8s', folder)).flatMap((path) =>
    loadAll(readFileSync(path, 'utf8'))
      .filter((doc): doc is Omit<Manifest, 'file'> => typeof doc === 'object' && doc !== null && 'kind' in doc)
      .map((doc) => ({ ...doc, file: relative(workspace, path) })),
  );
}

export function ofKind(manifests: readonly Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.kind === kind);
}

/** A kustomize `envs:` file as key → value. */
export function readEnvFile(path: string): Record<string, string> {
  const lines = readFileSync(join(workspace, path), 'utf8').split('\n');
  const assignments = lines.filter((line) => line.includes('=') && !line.startsWith('#'));
  return Object.fromEntries(assignments.map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1)]));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}
