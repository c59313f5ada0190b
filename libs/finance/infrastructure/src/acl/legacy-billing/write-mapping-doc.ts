import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLegacyBillingMappings } from './legacy-billing-mapping';

/** Part of `npm run docs`: renders the ACL's mapping table into docs/legacy-billing-acl.md. */
const document = join(__dirname, '../../../../../../docs/legacy-billing-acl.md');
// eslint-disable-next-line security/detect-non-literal-fs-filename -- a fixed path in the repository
writeFileSync(document, withLegacyBillingMappings(readFileSync(document, 'utf8')));
process.stdout.write('wrote docs/legacy-billing-acl.md\n');
