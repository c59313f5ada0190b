#!/usr/bin/env node
/**
 * The local issuer as a process: `node tools/stack/issuer.mjs` serves it on ISSUER_HOST:ISSUER_PORT
 * (127.0.0.1:3009); `npm run up` starts it with the services, and compose runs it as a container.
 */
import { issuerUrl, serveIssuer } from './lib/issuer.mjs';

const server = await serveIssuer();
const address = server.address();
process.stdout.write(`${JSON.stringify({ msg: 'issuer listening', issuer: issuerUrl(), port: typeof address === 'object' ? address?.port : address })}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => process.exit(0)));
