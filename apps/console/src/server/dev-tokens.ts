/** The roles a person can sign in with (each screen shows only what its role may do). */
export const roles = ['buyer', 'risk-analyst', 'warehouse', 'finance', 'seller', 'support', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** A development token for a role and a subject, or null when the stack has no local issuer to ask. */
export type DevTokenSource = (role: Role, subject: string) => Promise<string | null>;

/**
 * Until the services verify bearer tokens there is no local issuer, so signing in locally picks a
 * role and sends no token. This is the one place that changes when the issuer exists: it will mint
 * the token exactly as `npm run token -- <role> [subject]` does.
 */
export const noDevTokens: DevTokenSource = async () => null;
