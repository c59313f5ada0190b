import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatFiles, generateFiles, GeneratorCallback, names, Tree } from '@nx/devkit';
import { integrationEventGenerator } from '../integration-event/generator';
import { addTsPath, allowOnKafkaUser, deadLetterTopicConfig, declareTopic, readStack, StackJson, stackFile, writeStack } from '../workspace-files';

export interface BoundedContextOptions {
  readonly name: string;
  readonly aggregate: string;
  readonly plural?: string;
  readonly port?: number;
  readonly order?: string;
  readonly purpose?: string;
  readonly subdomain?: 'core' | 'supporting' | 'generic';
  readonly skipDocs?: boolean;
}

/** Ports that other apps of the workspace listen on, which a new context must not take. */
const reservedPorts = [3005, 3010];

const layers = ['domain', 'application', 'infrastructure'] as const;

/**
 * `nx g @bazaar/workspace-plugin:bounded-context <name> --aggregate <Aggregate>`: a context that
 * builds, lints and passes its smoke test at once — the app, its three libraries (tagged), one
 * aggregate end to end (domain rule, use case, repository with outbox, migration, HTTP routes, a
 * published event), and its declarations: stack.json (database, role, port, topics), the
 * TypeScript paths, docker-compose, Kubernetes (deployment, service, autoscaling, policies, its
 * PostgreSQL cluster, Kafka topics and user) and the context map's libs/<name>/context.json.
 */
export async function boundedContextGenerator(tree: Tree, options: BoundedContextOptions): Promise<GeneratorCallback> {
  const context = names(options.name);
  const aggregate = names(options.aggregate);
  const aggregates = names(options.plural ?? `${options.aggregate}s`);
  const stack = readStack(tree);
  if (stack.contexts.some((declared) => declared.name === context.fileName)) throw new Error(`${context.fileName} is already a context in ${stackFile}`);
  const port = options.port ?? nextPort(stack);
  const role = `bazaar_${context.fileName.replace(/-/g, '_')}`;
  const purpose = options.purpose ?? 'A new bounded context; say what it is for in its context.json.';
  const substitutions = {
    tmpl: '',
    context: context.fileName,
    Context: context.className,
    contextProp: context.propertyName,
    port,
    role,
    purpose: purpose.replace(/'/g, "\\'"),
    Aggregate: aggregate.className,
    aggregate: aggregate.propertyName,
    aggregateFile: aggregate.fileName,
    aggregateWords: aggregate.fileName.replace(/-/g, ' '),
    Aggregates: aggregates.className,
    aggregates: aggregates.propertyName,
    aggregatesFile: aggregates.fileName,
    table: aggregates.fileName.replace(/-/g, '_'),
    errorPrefix: aggregate.fileName.replace(/-/g, '_'),
    topicKey: names(`${context.fileName}-${aggregates.fileName}`).propertyName,
    migrationTime: Date.now(),
  };
  generateFiles(tree, join(__dirname, 'files'), '.', substitutions);

  for (const layer of layers) addLibrary(tree, context.fileName, layer);
  tree.write(
    `libs/${context.fileName}/context.json`,
    `${JSON.stringify(
      {
        order: options.order ?? 'not yet described',
        purpose,
        subdomain: options.subdomain ?? 'supporting',
        strategy: 'build',
        why: 'Say why this context is built rather than bought (docs/architecture/subdomains.md).',
        reads: 'customer-supplier',
        relationships: [],
        glossary: [{ term: aggregate.className.replace(/([a-z])([A-Z])/g, '$1 $2'), meaning: `${context.className}'s first aggregate, as generated.`, code: aggregate.className }],
      },
      null,
      2,
    )}\n`,
  );

  writeStack(tree, { ...stack, contexts: [...stack.contexts, { name: context.fileName, database: role, owner: `${role}_owner`, role, port }] });
  await integrationEventGenerator(tree, {
    context: context.fileName,
    event: `${aggregate.fileName}-opened`,
    aggregate: aggregates.fileName,
    fields: `${aggregate.propertyName}Id:uuid,subject:text,openedAt:instant`,
    description: `a ${substitutions.aggregateWords} was opened.`,
  });
  declareTopic(tree, { name: `${context.fileName}.dead-letters`, owner: context.fileName, config: deadLetterTopicConfig });
  allowOnKafkaUser(tree, context.fileName, `${context.fileName}.dead-letters`, 'Write, Describe');

  addCompose(tree, context.fileName, port, role);
  addToList(tree, 'k8s/base/kustomization.yaml', 'resources:', `  - ${context.fileName}`);
  addToList(tree, 'k8s/base/data/postgres/kustomization.yaml', 'resources:', `  - ${context.fileName}-db.yaml`);
  addToList(tree, 'k8s/overlays/dev/kustomization.yaml', 'images:', `  - { name: bazaar/${context.fileName}, newTag: dev }`);
  addToList(tree, 'k8s/overlays/dev/kustomization.yaml', 'replicas:', `  - { name: ${context.fileName}, count: 1 }`);
  addToList(tree, 'k8s/overlays/prod/kustomization.yaml', 'images:', `  - { name: bazaar/${context.fileName}, newTag: "0.1.0" }`);

  // Written in the workspace's Prettier style, which `npm test` checks.
  await formatFiles(tree);
  return () => {
    if (options.skipDocs) return;
    // The context map, AsyncAPI document and event catalog are drawn from the files just written.
    execFileSync('npm', ['run', '--silent', 'docs'], { cwd: tree.root, stdio: 'inherit' });
  };
}

function nextPort(stack: StackJson): number {
  let port = Math.max(...stack.contexts.map((context) => context.port)) + 1;
  while (reservedPorts.includes(port)) port += 1;
  return port;
}

function addLibrary(tree: Tree, context: string, layer: (typeof layers)[number]): void {
  const root = `libs/${context}/${layer}`;
  const name = `${context}-${layer}`;
  tree.write(
    `${root}/project.json`,
    `${JSON.stringify(
      {
        name,
        $schema: '../../../node_modules/nx/schemas/project-schema.json',
        sourceRoot: `${root}/src`,
        projectType: 'library',
        tags: [`scope:${context}`, `type:${layer}`],
        targets: {},
      },
      null,
      2,
    )}\n`,
  );
  tree.write(
    `${root}/tsconfig.json`,
    `${JSON.stringify({ extends: '../../../tsconfig.base.json', compilerOptions: { types: ['node', 'jest'] }, include: ['src/**/*.ts'] }, null, 2)}\n`,
  );
  tree.write(`${root}/jest.config.cjs`, `module.exports = {\n  displayName: '${name}',\n  preset: '../../../jest.preset.cjs',\n  rootDir: __dirname,\n};\n`);
  addTsPath(tree, `@bazaar/${name}`, `./${root}/src/index.ts`);
}

/** Appends an item to a YAML list that starts at `header` (the list's items are the indented lines after it). */
function addToList(tree: Tree, path: string, header: string, item: string): void {
  if (!tree.exists(path)) return;
  const lines = (tree.read(path, 'utf-8') ?? '').split('\n');
  if (lines.includes(item)) return;
  const start = lines.findIndex((line) => line === header);
  if (start < 0) throw new Error(`${path} has no "${header}" list`);
  let end = start + 1;
  while (end < lines.length && lines[end]?.startsWith('  - ')) end += 1;
  lines.splice(end, 0, item);
  tree.write(path, lines.join('\n'));
}

function addCompose(tree: Tree, context: string, port: number, role: string): void {
  const path = 'docker-compose.yml';
  if (!tree.exists(path)) return;
  const text = tree.read(path, 'utf-8') ?? '';
  if (text.includes(`\n  ${context}:\n`)) return;
  const service = [
    `  ${context}:`,
    '    <<: *app',
    `    build: { <<: *app-build, args: { APP: ${context} } }`,
    '    environment:',
    '      <<: *app-env',
    `      PORT: "${port}"`,
    `      DATABASE_URL: postgres://${role}:\${${role.toUpperCase()}_PASSWORD:?set ${role.toUpperCase()}_PASSWORD in .env}@postgres:5432/${role}`,
    '    ports:',
    `      - 127.0.0.1:${port}:${port}`,
    '',
  ].join('\n');
  // The provision job sets both of the context's role passwords (owner and runtime).
  const passwords = [`${role.toUpperCase()}_OWNER_PASSWORD`, `${role.toUpperCase()}_PASSWORD`]
    .map((name) => `      ${name}: \${${name}:?set it in .env (see .env.example)}\n`)
    .join('');
  const provisioned = text.replace(/(\n {4}volumes:\n {6}# Edits to the declaration)/, `\n${passwords.trimEnd()}$1`);
  tree.write(path, provisioned.replace(/\nvolumes:\n/, `\n${service}\nvolumes:\n`));
}

export default boundedContextGenerator;
