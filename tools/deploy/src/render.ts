import { spawnSync } from 'node:child_process';
import { loadAll } from 'js-yaml';
import { workspace } from './workspace';

/** A rendered Kubernetes object; specs read what they need. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [field: string]: any;
}

/**
 * `kubectl kustomize <dir>`: what `kubectl apply -k` would send. Fails with what to install when
 * kubectl is missing; never skips, because then nothing would prove the manifests render.
 */
export function renderKustomization(dir: string, extraArgs: readonly string[] = []): K8sObject[] {
  const kubectl = process.env['KUBECTL'] ?? 'kubectl';
  const result = spawnSync(kubectl, ['kustomize', dir, ...extraArgs], { cwd: workspace, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new Error(
      `cannot run '${kubectl}' (${result.error.message}): these specs render k8s/ with kubectl's built-in kustomize (v5 or later). ` +
        'Install kubectl 1.27 or later (or set KUBECTL to its path).',
    );
  }
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return loadAll(result.stdout).filter((doc): doc is K8sObject => typeof doc === 'object' && doc !== null);
}
