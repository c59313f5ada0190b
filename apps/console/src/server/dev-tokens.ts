/** The roles a person can sign in with (each screen shows only what its role may do). */
export const roles = ['buyer', 'risk-analyst', 'warehouse', 'finance', 'seller', 'support', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** A development token for a role and a subject. */
export type DevTokenSource = (role: Role, subject: string) => Promise<string>;

/**
 * Tokens from the local issuer (`tools/stack/issuer.mjs`, or the tests' issuer): its `POST /token`
 * mints them exactly as `npm run token -- <role> [subject]` does. Only used with CONSOLE_DEV_TOKENS=true;
 * production signs people in at the identity provider instead.
 */
export function issuerDevTokens(issuer: URL, timeoutMs = 5_000): DevTokenSource {
  return async (role, subject) => {
    const response = await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, subject }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`the issuer at ${issuer.origin} answered ${response.status}`);
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== 'string') throw new Error(`the issuer at ${issuer.origin} sent no access_token`);
    return body.access_token;
  };
}
