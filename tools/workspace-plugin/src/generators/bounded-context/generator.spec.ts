import { join } from 'node:path';
import { Tree } from '@nx/devkit';
import { loadAll } from 'js-yaml';
import { FsTree } from 'nx/src/generators/tree';
import { readStack } from '../workspace-files';
import { boundedContextGenerator } from './generator';

/**
 * The generator runs against the real workspace in memory (nothing is written to disk), so these
 * specs see exactly what `nx g @bazaar/workspace-plugin:bounded-context` would change today.
 */
const workspace = join(__dirname, '../../../../..');

describe('nx g bounded-context', () => {
  let tree: Tree;
  const text = (path: string) => tree.read(path, 'utf-8') ?? '';

  beforeAll(async () => {
    tree = new FsTree(workspace, false);
    await boundedContextGenerator(tree, { name: 'returns', aggregate: 'ReturnRequest', purpose: "Buyers' returns.", skipDocs: true });
  });

  it('creates the app and three libraries, tagged by scope and layer, with their TypeScript paths', () => {
    expect(JSON.parse(text('apps/returns/project.json')).tags).toEqual(['scope:returns', 'type:app']);
    for (const layer of ['domain', 'application', 'infrastructure']) {
      expect(JSON.parse(text(`libs/returns/${layer}/project.json`)).tags).toEqual(['scope:returns', `type:${layer}`]);
      expect(JSON.parse(text('tsconfig.base.json')).compilerOptions.paths[`@bazaar/returns-${layer}`]).toEqual([`./libs/returns/${layer}/src/index.ts`]);
    }
  });

  it('writes one aggregate end to end: rule, use case, repository with outbox, migration, routes and a smoke test', () => {
    const created = tree
      .listChanges()
      .filter((change) => change.type === 'CREATE')
      .map((change) => change.path);
    expect(created).toEqual(
      expect.arrayContaining([
        'libs/returns/domain/src/return-request/return-request.ts',
        'libs/returns/domain/src/return-request/README.md',
        'libs/returns/application/src/open-return-request/open-return-request.handler.ts',
        'libs/returns/infrastructure/src/persistence/typeorm-return-requests.ts',
        'libs/returns/infrastructure/src/http/return-requests.controller.ts',
        'libs/returns/infrastructure/src/returns.int.spec.ts',
      ]),
    );
    expect(text('libs/returns/domain/src/return-request/return-request.ts')).toContain('export class ReturnRequest extends AggregateRoot<ReturnRequestEvent>');
    for (const path of created) expect(text(path)).not.toMatch(/<%|__\w+__/);
  });

  it('declares the context, its event topic and its dead letters in stack.json, on the next free port', () => {
    const stack = readStack(tree);
    expect(stack.contexts).toContainEqual({ name: 'returns', database: 'bazaar_returns', owner: 'bazaar_returns_owner', role: 'bazaar_returns', port: expect.any(Number) });
    const ports = stack.contexts.map((context) => context.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(
      stack.topics
        .filter((topic) => topic.owner === 'returns')
        .map((topic) => topic.name)
        .sort(),
    ).toEqual(['returns.dead-letters', 'returns.return-requests']);
  });

  it('publishes its first event through a contract with an example and a schema snapshot in the catalog', () => {
    expect(text('libs/published-language/src/catalog.ts')).toMatch(/ReturnRequestOpenedV1,\n\];/);
    expect(text('libs/published-language/src/topics.ts')).toContain("returnsReturnRequests: 'returns.return-requests',");
    const example = JSON.parse(text('libs/published-language/src/examples/returns.return-request-opened.v1.json'));
    expect(example).toMatchObject({ type: 'returns.return-request-opened', version: 1, producer: 'returns' });
    expect(JSON.parse(text('libs/published-language/schemas/returns.return-request-opened.v1.schema.json')).required).toEqual(['returnRequestId', 'subject', 'openedAt']);
  });

  it('deploys it like the others: compose service, Kubernetes folder, PostgreSQL cluster, topics and a Kafka user writing exactly its topics', () => {
    expect(text('docker-compose.yml')).toContain('  returns:\n    <<: *app');
    expect(text('k8s/base/kustomization.yaml')).toMatch(/\n {2}- returns\n/);
    expect(text('k8s/base/data/postgres/kustomization.yaml')).toContain('  - returns-db.yaml');
    expect(text('k8s/base/returns/deployment.yaml')).toContain('image: bazaar/returns');
    const users = loadAll(text('k8s/base/data/kafka/users.yaml')) as {
      metadata: { name: string };
      spec: { authorization: { acls: { resource: { type: string; name: string }; operations: string[] }[] } };
    }[];
    const returns = users.find((user) => user.metadata.name === 'returns');
    const written = returns?.spec.authorization.acls.filter((acl) => acl.resource.type === 'topic' && acl.operations.includes('Write')).map((acl) => acl.resource.name);
    expect(written?.sort()).toEqual(['returns.dead-letters', 'returns.return-requests']);
  });

  it('describes the context for the context map', () => {
    expect(JSON.parse(text('libs/returns/context.json'))).toMatchObject({ purpose: "Buyers' returns.", subdomain: 'supporting', glossary: [{ code: 'ReturnRequest' }] });
  });

  it('refuses a context that already exists', async () => {
    await expect(boundedContextGenerator(tree, { name: 'returns', aggregate: 'Other', skipDocs: true })).rejects.toThrow(/already a context/);
  });
});
