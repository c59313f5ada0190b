/** The load generator's HTTP client: node:http with keep-alive (see node-http-client.mjs). */
import { nodeHttpClient } from './node-http-client.mjs';

/** @typedef {{ post: (body: string, key: string, token: string) => Promise<{ status: number, orderId?: string, error?: string }>, close: () => void }} HttpClient */

/** @param {{ urls: string[], connections: number, timeoutMs: number }} o @returns {Promise<HttpClient & { kind: string }>} */
export async function httpClient(o) {
  return { kind: 'node:http', ...nodeHttpClient(o) };
}
