import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as publishedLanguage from '@bazaar/published-language';
import { allContracts, EventContract } from '@bazaar/published-language';
import { loadStack, workspace } from '../k8s-manifests';

/**
 * The facts the living documents are drawn from, all read from the code and its declarations:
 * contexts from stack.json and each context's `libs/<context>/context.json`, events from the
 * published-language catalog (with their TSDoc, schema snapshot and recorded example), and who
 * consumes what from the `@EventPattern(<Contract>.wireType)` subscriptions in the code.
 */
export interface GlossaryEntry {
  readonly term: string;
  readonly meaning: string;
  /** A type or class of the context's domain that carries the term (checked to exist). */
  readonly code?: string;
}

export interface Relationship {
  readonly with: string;
  readonly type: 'anticorruption-layer' | 'open-host-service' | 'customer-supplier' | 'conformist';
  readonly note: string;
}

export interface ContextFacts {
  readonly name: string;
  readonly port: number;
  readonly order: string;
  readonly purpose: string;
  readonly subdomain: 'core' | 'supporting' | 'generic';
  readonly strategy: 'build' | 'buy' | 'reuse';
  readonly why: string;
  /** How this context treats the published language it reads: it translates (customer/supplier) or takes it as is. */
  readonly reads: 'customer-supplier' | 'conformist';
  readonly relationships: readonly Relationship[];
  readonly glossary: readonly GlossaryEntry[];
}

export interface EventFacts {
  readonly wireType: string;
  readonly type: string;
  readonly version: number;
  readonly name: string;
  readonly producer: string;
  readonly topic: string;
  readonly description: string;
  readonly consumers: readonly { context: string; file: string }[];
  readonly schema: Record<string, unknown>;
  readonly example: Record<string, unknown>;
  readonly sourceFile: string;
}

export interface GenericSubdomain {
  readonly name: string;
  readonly strategy: 'build' | 'buy' | 'reuse';
  readonly what: string;
  readonly why: string;
}

export interface Facts {
  readonly contexts: readonly ContextFacts[];
  readonly events: readonly EventFacts[];
  readonly topics: readonly { name: string; owner: string; partitions: number }[];
  readonly generic: readonly GenericSubdomain[];
}

const plRoot = join(workspace, 'libs/published-language');

export function readFacts(): Facts {
  const stack = loadStack();
  const contexts = stack.contexts.map((context): ContextFacts => {
    const file = join(workspace, 'libs', context.name, 'context.json');
    if (!existsSync(file)) throw new Error(`libs/${context.name}/context.json is missing: every bounded context describes itself there`);
    return { name: context.name, port: context.port, ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<ContextFacts, 'name' | 'port'>) };
  });
  const subscriptions = readSubscriptions(contexts.map((context) => context.name));
  const sources = contractSources();
  const events = allContracts.map((contract): EventFacts => {
    const name = exportName(contract);
    const sourceFile = sources.get(contract.wireType);
    if (!sourceFile) throw new Error(`No source file defines ${contract.wireType}`);
    return {
      wireType: contract.wireType,
      type: contract.type,
      version: contract.version,
      name,
      producer: contract.producer,
      topic: contract.topic,
      description: tsDocBefore(readFileSync(join(workspace, sourceFile), 'utf8'), `export const ${name} =`),
      consumers: subscriptions.filter((subscription) => subscription.contract === name).map(({ context, file }) => ({ context, file })),
      schema: readJson(join(plRoot, 'schemas', `${contract.wireType}.schema.json`)),
      example: readJson(join(plRoot, 'src/examples', `${contract.wireType}.json`)),
      sourceFile,
    };
  });
  const topics = stack.topics.map((topic) => ({ name: topic.name, owner: topic.owner, partitions: topic.partitions ?? stack.kafka.defaultPartitions }));
  const generic = readJson(join(workspace, 'docs/architecture/generic-subdomains.json')) as unknown as GenericSubdomain[];
  return { contexts, events, topics, generic };
}

/** The name a contract is exported under (`PaymentAuthorizedV1`), which is how the code subscribes to it. */
function exportName(contract: EventContract<unknown>): string {
  const entry = Object.entries(publishedLanguage).find(([, value]) => value === contract);
  if (!entry) throw new Error(`${contract.wireType} is in the catalog but not exported from @bazaar/published-language`);
  return entry[0];
}

/** Every `@EventPattern(<Contract>.wireType…)` in a context's libs, outside tests. */
function readSubscriptions(contexts: readonly string[]): { context: string; contract: string; file: string }[] {
  return contexts.flatMap((context) =>
    sourceFiles(join(workspace, 'libs', context)).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      return [...text.matchAll(/@EventPattern\(\s*(\w+)\.wireType/g)].map((match) => ({
        context,
        contract: match[1] as string,
        file: relative(workspace, path).split(sep).join('/'),
      }));
    }),
  );
}

/** wire type → the published-language file that defines it. */
function contractSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of sourceFiles(join(plRoot, 'src'))) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/defineEvent\(\{\s*type:\s*'([^']+)',\s*version:\s*(\d+)/g)) {
      found.set(`${match[1]}.v${match[2]}`, relative(workspace, path).split(sep).join('/'));
    }
  }
  return found;
}

/** The TSDoc comment right before `marker`, as plain text (first-line markers and `*` gutters removed). */
export function tsDocBefore(source: string, marker: string): string {
  const at = source.indexOf(marker);
  const end = source.lastIndexOf('*/', at);
  const start = source.lastIndexOf('/**', end);
  if (at < 0 || end < 0 || start < 0 || source.slice(end + 2, at).trim() !== '') return '';
  return source
    .slice(start + 3, end)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
    .join('\n')
    .trim()
    .replace(/\n(?!\n)/g, ' ');
}

export function sourceFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
