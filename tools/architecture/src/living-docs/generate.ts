import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { workspace } from '../k8s-manifests';
import { livingDocuments } from './documents';

/** `npm run docs`: writes every generated document, and removes event pages of events that are gone. */
const documents = livingDocuments();
const eventsDir = join(workspace, 'docs/architecture/events');
mkdirSync(eventsDir, { recursive: true });
for (const name of readdirSync(eventsDir)) {
  if (!documents.has(`docs/architecture/events/${name}`)) rmSync(join(eventsDir, name));
}
for (const [path, content] of documents) {
  mkdirSync(dirname(join(workspace, path)), { recursive: true });
  writeFileSync(join(workspace, path), content);
}
process.stdout.write(`wrote ${documents.size} documents\n`);
