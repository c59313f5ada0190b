import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';

/** The audience the test issuer's tokens name and the services under test expect. */
export const testAudience = 'bazaar';

export interface TokenClaims {
  /** Role names for the `roles` claim; not checked here, so a test can send unknown ones. */
  readonly roles: readonly string[];
  readonly subject: string;
  readonly audience?: string;
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number;
  readonly issuer?: string;
  /** More claims, e.g. Keycloak's `realm_access`. */
  readonly claims?: Record<string, unknown>;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A real OIDC-style issuer in the test process: an RS256 key pair made at start, its discovery
 * document and JWKS served over HTTP on an ephemeral port (the services fetch them as they would
 * an identity provider's), and tokens signed with it. `stranger` signs with a key it never publishes.
 * Like the stack's local issuer it also answers `POST /token { role, subject }` (the console's
 * development sign-in asks it).
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly keys: KeyPair,
    private readonly strangerKeys: KeyPair,
  ) {}

  static async start(): Promise<TestIssuer> {
    const [keys, strangerKeys] = await Promise.all([generateKeyPair('RS256', { extractable: true }), generateKeyPair('RS256')]);
    const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    let url = '';
    const started: { issuer?: TestIssuer } = {};
    const server = createServer((request, response) => {
      if (request.method === 'POST' && request.url === '/token' && started.issuer) return void started.issuer.answerTokenRequest(request, response);
      const body =
        request.url === '/.well-known/openid-configuration'
          ? { issuer: url, jwks_uri: `${url}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] }
          : request.url === '/.well-known/jwks.json'
            ? { keys: [jwk] }
            : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // The issuer must not keep a test process alive.
    server.unref();
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    started.issuer = new TestIssuer(server, url, keys, strangerKeys);
    return started.issuer;
  }

  /** A valid token for a subject with these roles (or one role). */
  token(roles: string | readonly string[], subject: string, claims: Partial<TokenClaims> = {}): Promise<string> {
    return this.sign(this.keys, { ...claims, roles: typeof roles === 'string' ? [roles] : roles, subject });
  }

  /** A well-formed token whose signature no published key verifies. */
  stranger(roles: string | readonly string[], subject: string): Promise<string> {
    return this.sign(this.strangerKeys, { roles: typeof roles === 'string' ? [roles] : roles, subject });
  }

  private async answerTokenRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const { role, subject } = JSON.parse(body || '{}') as { role?: unknown; subject?: unknown };
    if (typeof role !== 'string' || typeof subject !== 'string') return void response.writeHead(400).end();
    const token = await this.token(role, subject);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private sign(keys: KeyPair, claims: TokenClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: claims.roles, ...claims.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(claims.issuer ?? this.url)
      .setAudience(claims.audience ?? testAudience)
      .setSubject(claims.subject)
      .setIssuedAt(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(keys.privateKey);
  }
}

let shared: Promise<TestIssuer> | undefined;

/** One issuer per test process, started on first use; every service under test trusts it. */
export function testIssuer(): Promise<TestIssuer> {
  shared ??= TestIssuer.start();
  return shared;
}
