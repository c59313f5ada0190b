import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { dump, load } from 'js-yaml';
import { renderKustomization } from './render';
import { scratchDir, workspace } from './workspace';

/**
 * GitHub workflows cannot run here, so they are at least valid: each is checked against the GitHub
 * workflow schema (SchemaStore's, as @action-validator/core embeds it), and the image workflow does
 * what docs/deploying.md says.
 */
const workflowsDir = join(workspace, '.github/workflows');
const read = (path: string) => readFileSync(join(workspace, path), 'utf8');
const quietly = <T>(run: () => T): T => {
  // The validator warns on stderr that it does not check path globs; nothing to act on.
  const warn = console.warn;
  const log = console.log;
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    return run();
  } finally {
    console.warn = warn;
    console.log = log;
  }
};

describe.each(readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file)))('.github/workflows/%s', (file) => {
  it('is a valid GitHub workflow', () => {
    expect(quietly(() => validateWorkflow(read(`.github/workflows/${file}`))).errors).toEqual([]);
  });
});

describe('the workflow validation', () => {
  it('fails a job with a misspelt key', () => {
    const broken = read('.github/workflows/images.yml').replace('    needs: contexts\n', '    needs: contexts\n    runs_on: ubuntu-latest\n');
    expect(quietly(() => validateWorkflow(broken)).errors).not.toEqual([]);
  });
});

describe('the image workflow', () => {
  type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
  const workflow = load(read('.github/workflows/images.yml')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: Step[]; if?: string; strategy?: { matrix: { app: string } } }>;
  };

  it('builds one image per context of stack.json and the console with BuildKit, on pull requests and on main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.jobs['contexts'].steps.map((step) => step.run ?? '').join('\n')).toContain(
      "jq -c '[.contexts[].name] + [(.externalSystems // [])[].name] + [.console.name // empty]' docker/provisioning/stack.json",
    );
    expect(workflow.jobs['build'].strategy?.matrix.app).toBe('${{ fromJSON(needs.contexts.outputs.apps) }}');
    const build = workflow.jobs['build'].steps.find((step) => step.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toEqual(
      expect.objectContaining({ file: 'docker/Dockerfile', target: 'runtime', 'build-args': 'APP=${{ matrix.app }}', push: "${{ github.event_name != 'pull_request' }}" }),
    );
  });

  it('on main only, pins the prod overlay to the pushed digests in a pull request', () => {
    const bump = workflow.jobs['bump-prod'];
    expect(bump.if).toBe("github.event_name != 'pull_request'");
    expect(bump.steps.map((step) => step.run ?? '').join('\n')).toContain('kustomize edit set image "bazaar/$app=$(cat "$file")"');
    expect(bump.steps.find((step) => step.uses?.startsWith('peter-evans/create-pull-request@'))?.with).toEqual(
      expect.objectContaining({ 'add-paths': 'k8s/overlays/prod/kustomization.yaml' }),
    );
  });

  it('leaves a prod overlay that still renders, each Deployment on its digest', () => {
    // What `kustomize edit set image bazaar/<app>=<name>@<digest>` writes into the overlay.
    const stack = JSON.parse(read('docker/provisioning/stack.json')) as { contexts: { name: string }[]; externalSystems?: { name: string }[]; console: { name: string } };
    const apps = [...stack.contexts, ...(stack.externalSystems ?? []), stack.console];
    const digest = `sha256:${'0'.repeat(64)}`;
    const dir = scratchDir('prod-bump-');
    try {
      const overlay = load(read('k8s/overlays/prod/kustomization.yaml')) as Record<string, unknown>;
      overlay['resources'] = [relative(dir, join(workspace, 'k8s/base'))];
      overlay['images'] = apps.map((context) => ({ name: `bazaar/${context.name}`, newName: `ghcr.io/example/bazaar/${context.name}`, digest }));
      writeFileSync(join(dir, 'kustomization.yaml'), dump(overlay));
      const deployments = renderKustomization(dir).filter((object) => object.kind === 'Deployment');
      expect(deployments.map((deployment) => deployment['spec'].template.spec.containers[0].image).sort()).toEqual(
        apps.map((app) => `ghcr.io/example/bazaar/${app.name}@${digest}`).sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
