/* eslint-disable @typescript-eslint/no-explicit-any -- journeys read many response shapes; each assertion states the one it expects */
const operatorTokens = new Map<string, string>();

/**
 * The bearer token a request to a service carries unless it names one: the operator of the System
 * that runs the service (an admin of that System's issuer; the services audit its requests). Keyed
 * by the service's origin, since a spec may run two Systems with two issuers. Journeys about a role
 * pass that role's token.
 */
export function useOperatorToken(origin: string, token: string | undefined): void {
  if (token === undefined) operatorTokens.delete(origin);
  else operatorTokens.set(origin, token);
}

/** A tiny JSON client for the journeys; returns status, content type and parsed body. */
export interface JsonResponse<T = any> {
  readonly status: number;
  readonly contentType: string;
  readonly body: T;
  readonly headers: Headers;
}

export async function http<T = any>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; /** null: no token at all */ token?: string | null } = {},
): Promise<JsonResponse<T>> {
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const token = options.token === undefined ? operatorTokens.get(new URL(url).origin) : options.token;
  const response = await fetch(url, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : undefined) as T,
    headers: response.headers,
  };
}
