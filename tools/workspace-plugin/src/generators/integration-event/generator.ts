import { createHash } from 'node:crypto';
import { formatFiles, names, Tree } from '@nx/devkit';
import { z } from 'zod';
import { instantSchema, moneySchema } from '@bazaar/published-language';
import { declareTopic, eventTopicConfig } from '../workspace-files';

export interface IntegrationEventOptions {
  readonly context: string;
  readonly event: string;
  readonly aggregate: string;
  readonly fields: string;
  readonly description?: string;
  readonly version?: number;
}

const fieldTypes = {
  uuid: { zod: 'z.uuid()', schema: () => z.uuid(), example: (seed: string) => stableUuid(seed) },
  text: { zod: 'z.string().min(1)', schema: () => z.string().min(1), example: () => 'an example' },
  int: { zod: 'z.number().int()', schema: () => z.number().int(), example: () => 1 },
  instant: { zod: 'instantSchema', schema: () => instantSchema, example: () => '2026-12-01T12:00:00.000Z' },
  money: { zod: 'moneySchema', schema: () => moneySchema, example: () => ({ amount: 1250, currency: 'EUR' }) },
} as const;
type FieldType = keyof typeof fieldTypes;

const root = 'libs/published-language';

/**
 * `nx g @bazaar/workspace-plugin:integration-event <event> --context … --aggregate … --fields …`:
 * the contract (zod schema + TSDoc), its recorded example, its JSON Schema snapshot and its place in
 * the catalog, the index and the topics — and the topic itself when the aggregate type is new.
 */
export async function integrationEventGenerator(tree: Tree, options: IntegrationEventOptions): Promise<void> {
  const version = options.version ?? 1;
  const type = `${options.context}.${options.event}`;
  const wire = `${type}.v${version}`;
  const contract = `${names(options.event).className}V${version}`;
  const topic = `${options.context}.${options.aggregate}`;
  const topicKey = names(`${options.context}-${options.aggregate}`).propertyName;
  const fields = parseFields(options.fields);
  const file = `${root}/src/${options.context}/${options.event}.v${version}.ts`;
  if (tree.exists(file)) throw new Error(`${wire} already exists (${file}); a breaking change is a new version: --version ${version + 1}`);

  const uses = new Set(fields.map((field) => field.type));
  const primitives = [uses.has('instant') ? 'instantSchema' : '', uses.has('money') ? 'moneySchema' : ''].filter(Boolean);
  const description =
    options.description?.trim() ||
    `${names(options.event)
      .className.replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()}.`;
  tree.write(
    file,
    [
      "import { z } from 'zod';",
      "import { defineEvent, EventData } from '../contract';",
      ...(primitives.length ? [`import { ${primitives.join(', ')} } from '../primitives';`] : []),
      "import { Topics } from '../topics';",
      '',
      '/**',
      ` * \`${wire}\` — ${description} Key: the aggregate id. Producer: ${names(options.context).className}.`,
      ' */',
      `export const ${contract} = defineEvent({`,
      `  type: '${type}',`,
      `  version: ${version},`,
      `  producer: '${options.context}',`,
      `  topic: Topics.${topicKey},`,
      '  schema: z.object({',
      ...fields.map((field) => `    ${field.name}: ${fieldTypes[field.type].zod},`),
      '  }),',
      '});',
      `export type ${contract} = EventData<typeof ${contract}>;`,
      '',
    ].join('\n'),
  );

  const data = Object.fromEntries(fields.map((field) => [field.name, fieldTypes[field.type].example(`${wire}:${field.name}`)]));
  const firstId = fields.find((field) => field.type === 'uuid');
  const aggregateId = firstId ? data[firstId.name] : stableUuid(`${wire}:aggregate`);
  const example = {
    id: stableUuid(`${wire}:id`),
    type,
    version,
    occurredAt: '2026-12-01T12:00:00.000Z',
    producer: options.context,
    aggregateId,
    correlationId: stableUuid(`${wire}:correlation`),
    causationId: null,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    tracestate: null,
    data,
  };
  tree.write(`${root}/src/examples/${wire}.json`, `${JSON.stringify(example, null, 2)}\n`);

  const schema = z.object(Object.fromEntries(fields.map((field) => [field.name, fieldTypes[field.type].schema()])));
  tree.write(`${root}/schemas/${wire}.schema.json`, `${JSON.stringify(z.toJSONSchema(schema, { io: 'output' }), null, 2)}\n`);

  addTopicConstant(tree, topicKey, topic);
  addToCatalog(tree, contract, `./${options.context}/${options.event}.v${version}`);
  const index = `${root}/src/index.ts`;
  tree.write(index, `${(tree.read(index, 'utf-8') ?? '').trimEnd()}\nexport * from './${options.context}/${options.event}.v${version}';\n`);
  declareTopic(tree, { name: topic, owner: options.context, config: eventTopicConfig });
  // Written in the workspace's Prettier style, which `npm test` checks.
  await formatFiles(tree);
}

function parseFields(spec: string): { name: string; type: FieldType }[] {
  const fields = spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [name, type] = pair.split(':').map((part) => part.trim());
      if (!name || !/^[a-z][a-zA-Z0-9]*$/.test(name)) throw new Error(`Field "${pair}": a camelCase name is needed`);
      if (!type || !(type in fieldTypes)) throw new Error(`Field "${pair}": the type is one of ${Object.keys(fieldTypes).join(', ')}`);
      return { name, type: type as FieldType };
    });
  if (fields.length === 0) throw new Error('An event needs at least one field (--fields name:type,…)');
  return fields;
}

function addTopicConstant(tree: Tree, key: string, topic: string): void {
  const path = `${root}/src/topics.ts`;
  const text = tree.read(path, 'utf-8') ?? '';
  if (text.includes(`'${topic}'`)) return;
  tree.write(path, text.replace(/\n} as const;/, `\n  ${key}: '${topic}',\n} as const;`));
}

function addToCatalog(tree: Tree, contract: string, from: string): void {
  const path = `${root}/src/catalog.ts`;
  const text = tree.read(path, 'utf-8') ?? '';
  const withImport = text.replace(/(import \{ EventContract \} from '\.\/contract';)/, `import { ${contract} } from '${from}';\n$1`);
  tree.write(path, withImport.replace(/\n\];/, `\n  ${contract},\n];`));
}

/** A UUID (v4-shaped) derived from a seed: the same example every time, different for every event. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export default integrationEventGenerator;
