/**
 * The local identity provider: an OIDC-style issuer for development. One EC P-256 key pair, made
 * once and kept under ~/.cache/bazaar/issuer (never in the repository), signs ES256 access tokens;
 * the services fetch its public key from /.well-known/jwks.json as they would a real IdP's.
 * `npm run token` and the console's role picker mint tokens with the same key. Development only:
 * it hands a token for any role to anyone who asks.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { paths } from './config.mjs';

/** Role names as the services know them (libs/platform/service/src/access/caller.ts). */
export const roles = ['buyer', 'risk-analyst', 'warehouse', 'finance', 'seller', 'support', 'admin'];

export const issuerPort = () => Number(process.env.ISSUER_PORT ?? 3009);
/** What tokens carry as `iss` and where the services find the keys; in compose, the issuer's service name. */
export const issuerUrl = () => (process.env.ISSUER_URL ?? process.env.AUTH_ISSUER ?? `http://127.0.0.1:${issuerPort()}`).replace(/\/$/, '');
export const audience = () => process.env.AUTH_AUDIENCE ?? 'bazaar';
export const keyDir = () => process.env.ISSUER_KEY_DIR ?? join(paths.cache, 'issuer');

/** The subject a role's token gets when none is named: `demo-buyer`, `demo-warehouse`, … */
export const defaultSubject = (role) => `demo-${role}`;

const base64url = (value) => Buffer.from(value).toString('base64url');

/** The signing key, made on first use (private key readable by its owner only). */
export function signingKey(dir = keyDir()) {
  const file = join(dir, 'signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(file));
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: 'jwk' });
  // RFC 7638 thumbprint: the key id changes exactly when the key does.
  const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x, y })).digest('base64url');
  return { privateKey, jwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' } };
}

/** A signed ES256 access token for a role and subject, valid for `ttlSeconds` (default 12 h). */
export function mintToken({ role, subject = defaultSubject(role), ttlSeconds = 12 * 3600, key = signingKey(), issuer = issuerUrl() }) {
  if (!roles.includes(role)) throw new Error(`unknown role '${role}': one of ${roles.join(', ')}`);
  if (typeof subject !== 'string' || !/^[\w.@:-]{1,100}$/.test(subject)) throw new Error('the subject must be 1-100 letters, digits or ._@:-');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'ES256', typ: 'JWT', kid: key.jwk.kid };
  const claims = { iss: issuer, aud: audience(), sub: subject, roles: [role], iat: now, nbf: now - 5, exp: now + ttlSeconds };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/**
 * Serves the discovery document, the JWKS and, for local tools, `POST /token { role, subject? }`
 * → `{ access_token, token_type, expires_in }`. `url` is what tokens carry as `iss`: by default
 * ISSUER_URL, or where it listens when the port is 0 (tools that run their own services).
 * @returns {Promise<{ server: import('node:http').Server, url: string, token: (role: string, subject?: string) => string, close: () => Promise<void> }>}
 */
export function serveIssuer({ host = process.env.ISSUER_HOST ?? '127.0.0.1', port = issuerPort(), url = port === 0 ? undefined : issuerUrl() } = {}) {
  const key = signingKey();
  let issuer = url;
  const json = (response, status, body) => response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://issuer');
    if (request.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(response, 200, { issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, token_endpoint: `${issuer}/token`, id_token_signing_alg_values_supported: ['ES256'] });
    }
    if (request.method === 'GET' && url.pathname === '/.well-known/jwks.json') return json(response, 200, { keys: [key.jwk] });
    if (request.method === 'GET' && url.pathname === '/health') return json(response, 200, { status: 'up' });
    if (request.method === 'POST' && url.pathname === '/token') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => {
        body += chunk;
        if (body.length > 4096) request.destroy();
      });
      request.on('end', () => {
        try {
          const { role, subject } = JSON.parse(body || '{}');
          json(response, 200, { access_token: mintToken({ role, subject: subject ?? defaultSubject(role), key, issuer }), token_type: 'Bearer', expires_in: 12 * 3600 });
        } catch (error) {
          json(response, 400, { error: 'invalid_request', error_description: error instanceof Error ? error.message : 'bad request' });
        }
      });
      return undefined;
    }
    return json(response, 404, { error: 'not_found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      issuer ??= `http://${host}:${server.address().port}`;
      resolve({
        server,
        url: issuer,
        token: (role, subject) => mintToken({ role, subject: subject ?? defaultSubject(role), key, issuer }),
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
