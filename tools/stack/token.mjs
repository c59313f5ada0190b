#!/usr/bin/env node
/**
 * `npm run --silent token -- <role> [subject]` prints an access token of the local issuer for a
 * role (subject: `demo-<role>` unless named), e.g.
 *   TOKEN=$(npm run --silent token -- buyer demo-buyer)
 *   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3001/orders
 */
import { defaultSubject, mintToken, roles } from './lib/issuer.mjs';

const [role, subject] = process.argv.slice(2);
if (!role || !roles.includes(role)) {
  process.stderr.write(`usage: npm run --silent token -- <role> [subject]\n  roles: ${roles.join(', ')}\n`);
  process.exit(2);
}
try {
  process.stdout.write(`${mintToken({ role, subject: subject ?? defaultSubject(role) })}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
