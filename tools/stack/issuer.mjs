#!/usr/bin/env node
/**
 * The local issuer as a process: `node tools/stack/issuer.mjs` serves it on ISSUER_HOST:ISSUER_PORT
 * (127.0.0.1:3009); `npm run up` starts it with the services, and compose runs it as a container.
 */
import { serveIssuer } from './lib/issuer.mjs';

const issuer = await serveIssuer();
process.stdout.write(`${JSON.stringify({ msg: 'issuer listening', issuer: issuer.url, port: issuer.server.address().port })}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => issuer.close().then(() => process.exit(0)));
