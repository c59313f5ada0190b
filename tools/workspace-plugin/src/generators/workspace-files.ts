import { Tree, updateJson } from '@nx/devkit';

/**
 * Edits of the files every context is declared in. Each is idempotent: running a generator twice
 * declares nothing twice. YAML is edited as text, so the comments that explain it survive.
 */
export interface StackJson {
  kafka: { defaultPartitions: number };
  contexts: { name: string; database: string; role: string; port: number }[];
  topics: { name: string; owner: string; partitions?: number; config?: Record<string, string> }[];
}

export const stackFile = 'docker/provisioning/stack.json';
const topicsFile = 'k8s/base/data/kafka/topics.yaml';
const usersFile = 'k8s/base/data/kafka/users.yaml';

export const eventTopicConfig = { 'retention.ms': '-1' };
export const deadLetterTopicConfig = { 'retention.ms': '2592000000' };

export function readStack(tree: Tree): StackJson {
  return JSON.parse(tree.read(stackFile, 'utf-8') ?? '{}') as StackJson;
}

/** Writes stack.json as it is laid out by hand: one line per context and per topic. */
export function writeStack(tree: Tree, stack: StackJson): void {
  const inline = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(inline).join(', ')}]`
      : value && typeof value === 'object'
        ? `{ ${Object.entries(value)
            .map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`)
            .join(', ')} }`
        : JSON.stringify(value);
  const entries = Object.entries(stack).map(([key, value]) => {
    const body = Array.isArray(value) ? `[\n${value.map((item) => `    ${inline(item)}`).join(',\n')}\n  ]` : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${body}`;
  });
  tree.write(stackFile, `{\n${entries.join(',\n')}\n}\n`);
}

/** Declares a topic in stack.json and as a Strimzi KafkaTopic, and lets its owner's KafkaUser write it. */
export function declareTopic(tree: Tree, topic: { name: string; owner: string; config: Record<string, string> }): void {
  const stack = readStack(tree);
  if (stack.topics.some((declared) => declared.name === topic.name)) return;
  // Event topics first, dead letters after them, as the file reads.
  const isDeadLetters = topic.name.endsWith('.dead-letters');
  const firstDeadLetters = stack.topics.findIndex((declared) => declared.name.endsWith('.dead-letters'));
  const at = isDeadLetters || firstDeadLetters < 0 ? stack.topics.length : firstDeadLetters;
  stack.topics.splice(at, 0, { name: topic.name, owner: topic.owner, config: topic.config });
  writeStack(tree, stack);
  if (tree.exists(topicsFile)) {
    const config = Object.entries(topic.config)
      .map(([key, value]) => `    ${key}: "${value}"`)
      .join('\n');
    const document = [
      'apiVersion: kafka.strimzi.io/v1',
      'kind: KafkaTopic',
      'metadata:',
      `  name: ${topic.name}`,
      '  labels:',
      '    strimzi.io/cluster: bazaar',
      `    bazaar.io/owner: ${topic.owner}`,
      'spec:',
      `  topicName: ${topic.name}`,
      `  partitions: ${stack.kafka.defaultPartitions}`,
      '  replicas: 3',
      '  config:',
      config,
    ].join('\n');
    tree.write(topicsFile, `${(tree.read(topicsFile, 'utf-8') ?? '').trimEnd()}\n---\n${document}\n`);
  }
  allowOnKafkaUser(tree, topic.owner, topic.name, 'Write, Describe');
}

/** Adds an ACL to a context's KafkaUser (creating the user when the context has none yet). */
export function allowOnKafkaUser(tree: Tree, context: string, topic: string, operations: string): void {
  if (!tree.exists(usersFile)) return;
  const text = tree.read(usersFile, 'utf-8') ?? '';
  const documents = text.split(/\n---\n/);
  const index = documents.findIndex((document) => /kind: KafkaUser/.test(document) && new RegExp(`\\n  name: ${context}\\n`).test(document));
  const acl = `      - resource: { type: topic, name: ${topic}, patternType: literal }\n        operations: [${operations}]\n`;
  if (index < 0) {
    const user = [
      'apiVersion: kafka.strimzi.io/v1',
      'kind: KafkaUser',
      'metadata:',
      `  name: ${context}`,
      '  labels:',
      '    strimzi.io/cluster: bazaar',
      `    app.kubernetes.io/name: ${context}`,
      'spec:',
      '  authentication:',
      '    type: scram-sha-512',
      '  authorization:',
      '    type: simple',
      '    acls:',
      `${acl}      - resource: { type: group, name: ${context}, patternType: literal }`,
      '        operations: [Read]',
    ].join('\n');
    tree.write(usersFile, `${text.trimEnd()}\n---\n${user}\n`);
    return;
  }
  const document = documents[index] as string;
  if (document.includes(`name: ${topic}, patternType`)) return;
  documents[index] = document.replace('    acls:\n', `    acls:\n${acl}`);
  tree.write(usersFile, documents.join('\n---\n'));
}

/** Adds `@bazaar/<alias>` → `<path>` to tsconfig.base.json, keeping the paths sorted as written. */
export function addTsPath(tree: Tree, alias: string, path: string): void {
  updateJson(tree, 'tsconfig.base.json', (json) => {
    json.compilerOptions.paths ??= {};
    json.compilerOptions.paths[alias] = [path];
    return json;
  });
}
