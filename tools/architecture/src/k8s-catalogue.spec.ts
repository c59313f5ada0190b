import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { workspace } from './k8s-manifests';

/**
 * The demo catalogue is declared once, in docker/provisioning/catalogue.json. Kustomize reads files
 * only below an overlay's folder, so the dev overlay carries a copy; it must stay the same file.
 */
describe('the demo stock catalogue on Kubernetes', () => {
  const read = (path: string) => readFileSync(join(workspace, path), 'utf8');

  it("is the dev overlay's copy of docker/provisioning/catalogue.json, byte for byte", () => {
    expect(read('k8s/overlays/dev/catalogue.json')).toBe(read('docker/provisioning/catalogue.json'));
  });

  it("is seeded by Fulfillment's pod after its migrations, from the generated ConfigMap", () => {
    const kustomization = load(read('k8s/overlays/dev/kustomization.yaml')) as {
      configMapGenerator: { name: string; files: string[] }[];
      patches: { target: { kind: string; name?: string }; patch: string }[];
    };
    expect(kustomization.configMapGenerator).toContainEqual(expect.objectContaining({ name: 'fulfillment-catalogue', files: ['catalogue.json'] }));
    const patch = kustomization.patches.find((p) => p.target.kind === 'Deployment' && p.target.name === 'fulfillment');
    const operations = load(patch?.patch ?? '[]') as { op: string; path: string; value: { command?: string[]; configMap?: { name: string } } }[];
    expect(operations).toContainEqual(
      expect.objectContaining({
        op: 'add',
        path: '/spec/template/spec/initContainers/-',
        value: expect.objectContaining({ command: ['node', 'dist/apps/fulfillment/main.js', 'seed-stock', '/etc/bazaar/catalogue/catalogue.json'] }),
      }),
    );
    expect(operations).toContainEqual(
      expect.objectContaining({ path: '/spec/template/spec/volumes/-', value: { name: 'catalogue', configMap: { name: 'fulfillment-catalogue' } } }),
    );
  });
});
