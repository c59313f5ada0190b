import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { workspace } from '../k8s-manifests';
import { livingDocuments } from './documents';
import { readFacts, sourceFiles } from './facts';

/**
 * The architecture documents are drawn from the code (`npm run docs`). These specs fail when a
 * contract, a subscription, a context or a glossary term changed and the documents were not
 * regenerated, and when the AsyncAPI document stops being valid AsyncAPI 3.
 */
const documents = livingDocuments();
const facts = readFacts();

describe('Living architecture documents', () => {
  it.each([...documents.keys()])('%s is up to date (run `npm run docs`)', (path) => {
    const committed = existsSync(join(workspace, path)) ? readFileSync(join(workspace, path), 'utf8') : '(missing)';
    expect(committed).toBe(documents.get(path));
  });

  it('the AsyncAPI document is valid AsyncAPI 3 with no errors', async () => {
    const diagnostics = await new Parser().validate(documents.get('docs/architecture/asyncapi.yaml') as string);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it('describes every published event once, on the topic its contract names', () => {
    const asyncApi = documents.get('docs/architecture/asyncapi.yaml') as string;
    for (const event of facts.events) expect(asyncApi).toContain(`name: ${event.wireType}\n`);
    expect(new Set(facts.events.map((event) => event.wireType)).size).toBe(facts.events.length);
  });

  it('finds who consumes what from the subscriptions in the code', () => {
    const consumersOf = (wireType: string) =>
      facts.events
        .find((event) => event.wireType === wireType)
        ?.consumers.map((c) => c.context)
        .sort();
    expect(consumersOf('checkout.payment-authorized.v1')).toEqual(['finance', 'fulfillment', 'support']);
    // Support is a conformist reader of everything the others publish about an order.
    const aboutAnOrder = (event: (typeof facts.events)[number]) => 'orderId' in ((event.schema['properties'] ?? {}) as object);
    const missedBySupport = facts.events.filter((event) => event.producer !== 'support' && aboutAnOrder(event) && !event.consumers.some((c) => c.context === 'support'));
    expect(missedBySupport.map((event) => event.wireType)).toEqual([]);
  });

  it.each(facts.contexts.flatMap((context) => context.glossary.filter((entry) => entry.code).map((entry) => [context.name, entry.term, entry.code as string])))(
    "%s's glossary term %s names code that exists (%s)",
    (context, _term, code) => {
      const domain = sourceFiles(join(workspace, 'libs', context, 'domain/src'))
        .map((path) => readFileSync(path, 'utf8'))
        .join('\n');
      expect(domain).toMatch(new RegExp(`export (abstract )?(class|interface|type|const) ${code}\\b`));
    },
  );
});
