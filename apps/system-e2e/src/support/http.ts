/* eslint-disable @typescript-eslint/no-explicit-any -- journeys read many response shapes; each assertion states the one it expects */
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
  options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const response = await fetch(url, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
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
