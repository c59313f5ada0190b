import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import type { ServiceConfig } from '../config';
import { Caller, Role, roles } from './caller';

type Settings = Pick<ServiceConfig, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_URL' | 'AUTH_ROLES_CLAIM' | 'AUTH_ALGORITHMS' | 'AUTH_CLOCK_TOLERANCE_S'>;

/** Why a bearer token was refused; the stable `code` of the 401. */
export type TokenRefusal = 'token_missing' | 'token_expired' | 'token_invalid' | 'issuer_unavailable';

export class TokenRefused extends Error {
  constructor(
    readonly code: TokenRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies bearer tokens as an OAuth2 resource server: signature against the issuer's published
 * keys (fetched over HTTP, cached, refetched for an unknown key id), `iss`, `aud`, `exp`/`nbf`
 * and the algorithm; the caller is `sub` and the roles of the configured claim.
 */
export class TokenVerifier {
  #keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;

  constructor(private readonly settings: Settings) {}

  async verify(token: string): Promise<Caller> {
    const keys = await this.keys();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.settings.AUTH_ISSUER,
        audience: this.settings.AUTH_AUDIENCE,
        algorithms: this.settings.AUTH_ALGORITHMS,
        clockTolerance: this.settings.AUTH_CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      return { subject: payload.sub as string, roles: rolesOf(payload, this.settings.AUTH_ROLES_CLAIM) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRefused('token_expired', 'The token has expired');
      if (error instanceof errors.JWKSTimeout || unreachable(error)) {
        throw new TokenRefused('issuer_unavailable', 'The issuer’s keys cannot be fetched');
      }
      throw new TokenRefused('token_invalid', 'The token is not valid here');
    }
  }

  /** The key set, its URL found once; a failed discovery is tried again on the next request. */
  private keys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.#keys ??= this.jwksUrl().then((url) => createRemoteJWKSet(url, { cooldownDuration: 30_000, cacheMaxAge: 600_000 }));
    this.#keys.catch(() => (this.#keys = undefined));
    return this.#keys;
  }

  private async jwksUrl(): Promise<URL> {
    if (this.settings.AUTH_JWKS_URL) return new URL(this.settings.AUTH_JWKS_URL);
    const issuer = this.settings.AUTH_ISSUER.replace(/\/$/, '');
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) {
        const discovery = (await response.json()) as { jwks_uri?: unknown };
        if (typeof discovery.jwks_uri === 'string') return new URL(discovery.jwks_uri);
      }
    } catch {
      throw new TokenRefused('issuer_unavailable', 'The issuer cannot be reached');
    }
    return new URL(`${issuer}/.well-known/jwks.json`);
  }
}

/** The network failed under `fetch` (checked by shape: the error may come from another realm). */
function unreachable(error: unknown): boolean {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(message);
}

/** The known roles in the claim (a list, or a space-separated string); unknown names are ignored. */
function rolesOf(payload: JWTPayload, claim: string): Role[] {
  const value = claim.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  return roles.filter((role) => names.includes(role));
}
