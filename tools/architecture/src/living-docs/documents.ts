import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspace } from '../k8s-manifests';
import { renderAsyncApi } from './asyncapi';
import { readFacts } from './facts';
import { renderContextMap, renderContextMapMermaid, renderEventIndex, renderEventPage, renderGlossary, renderSubdomains } from './markdown';

export const readmeMarkers = { start: '<!-- context-map:start -->', end: '<!-- context-map:end -->' } as const;

/** Every generated document, path (from the workspace root) → content. */
export function livingDocuments(): Map<string, string> {
  const facts = readFacts();
  const { version } = JSON.parse(readFileSync(join(workspace, 'package.json'), 'utf8')) as { version: string };
  const documents = new Map<string, string>([
    ['docs/architecture/asyncapi.yaml', renderAsyncApi(facts, version)],
    ['docs/architecture/context-map.md', renderContextMap(facts)],
    ['docs/architecture/glossary.md', renderGlossary(facts)],
    ['docs/architecture/subdomains.md', renderSubdomains(facts)],
    ['docs/architecture/events/README.md', renderEventIndex(facts)],
  ]);
  for (const event of facts.events) documents.set(`docs/architecture/events/${event.wireType}.md`, renderEventPage(event, facts.events));
  documents.set('README.md', withContextMap(readFileSync(join(workspace, 'README.md'), 'utf8'), renderContextMapMermaid(facts)));
  return documents;
}

/** The README with the Mermaid context map between its markers replaced. */
export function withContextMap(readme: string, mermaid: string): string {
  const start = readme.indexOf(readmeMarkers.start);
  const end = readme.indexOf(readmeMarkers.end);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${readmeMarkers.start} … ${readmeMarkers.end}`);
  return `${readme.slice(0, start + readmeMarkers.start.length)}\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n${readme.slice(end)}`;
}
