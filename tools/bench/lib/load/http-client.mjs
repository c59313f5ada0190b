/** The load generator's HTTP client: undici when installed (a devDependency), node:http otherwise. */
import { nodeHttpClient } from './node-http-client.mjs';
import { undiciClient } from './undici-client.mjs';

/** @typedef {{ post: (body: string, key: string, token: string) => Promise<{ status: number, orderId?: string, error?: string }>, close: () => void }} HttpClient */

/** @param {{ url: string, connections: number, timeoutMs: number }} o @returns {Promise<HttpClient & { kind: string }>} */
export async function httpClient(o) {
  try {
    const undici = await import('undici');
    return { kind: 'undici', ...undiciClient(undici, o) };
  } catch {
    return { kind: 'node:http', ...nodeHttpClient(o) };
  }
}
