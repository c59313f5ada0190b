import { isRole, Role } from './roles';

/** Who is signed in: the role picked, the subject, and the bearer token (null when development sign-in is off). */
export interface Session {
  readonly role: Role;
  readonly subject: string;
  readonly token: string | null;
}

const key = 'bazaar.console.session';

/** Kept in sessionStorage: it lasts as long as the tab, and never reaches another tab or a disk cookie. */
export function loadSession(): Session | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<Session> | null;
    if (!stored || !isRole(stored.role) || typeof stored.subject !== 'string') return null;
    return { role: stored.role, subject: stored.subject, token: typeof stored.token === 'string' ? stored.token : null };
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(key, JSON.stringify(session));
  else sessionStorage.removeItem(key);
}

/** Asks the console server for a development token (local stacks only). */
export async function signIn(role: Role): Promise<Session> {
  const response = await fetch('/auth/dev-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
  if (response.status === 404) return { role, subject: `console-${role}`, token: null };
  if (!response.ok) throw new Error(`Sign-in failed (${response.status})`);
  const body = (await response.json()) as { subject: string; token: string | null };
  return { role, subject: body.subject, token: body.token };
}
