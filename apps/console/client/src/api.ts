import { Session } from './session';

export type Context = 'checkout' | 'fulfillment' | 'finance' | 'support';

/** A service's answer: its status and its JSON body (a problem+json document when it refused). */
export interface Answer<T> {
  readonly status: number;
  readonly ok: boolean;
  readonly body: T;
}

/** An RFC 9457 problem as the services answer them. */
export interface Problem {
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly status?: number;
}

let current: Session | null = null;

/** The session whose token every call carries. */
export function useSessionForApi(session: Session | null): void {
  current = session;
}

/** Calls a service through the console server (`/api/<context>/…`), with the signed-in person's bearer token. */
export async function call<T>(context: Context, path: string, init: { method?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (current?.token) headers['authorization'] = `Bearer ${current.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/${context}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, ok: response.ok, body: parsed(text) as T };
}

function parsed(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { title: text.slice(0, 200) };
  }
}

/** A short sentence for a refused call: the problem's detail or title, and its code. */
export function explain(answer: Answer<unknown>): string {
  const problem = (answer.body ?? {}) as Problem;
  const what = problem.detail ?? problem.title ?? `HTTP ${answer.status}`;
  return problem.code ? `${what} (${problem.code})` : what;
}
