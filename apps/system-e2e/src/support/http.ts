/* eslint-disable @typescript-eslint/no-explicit-any -- journeys read many response shapes; each assertion states the one it expects */
let operatorToken: string | undefined;

/**
 * The bearer token requests carry unless they name one: the running System's operator (an admin of
 * its issuer, every request of which the services audit). Journeys about a role pass its token.
 */
export function useOperatorToken(token: string | undefined): void {
  operatorToken = token;
}

/** A tiny JSON client for the journeys; returns status, content type and parsed body. */
export interface JsonResponse<T = any> {
  readonly status: number;
  readonly contentType: string;
  readonly body: T;
  readonly headers: Headers;
}

export async function http<T = any>(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; /** null: no token at all */ token?: string | null } = {},
): Promise<JsonResponse<T>> {
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const token = options.token === undefined ? operatorToken : options.token;
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
