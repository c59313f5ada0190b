/** HTTP/1.1 client on undici's Pool: about half node:http's CPU per request, which a 2-core box needs for the server. */

/**
 * @param {typeof import('undici')} undici
 * @param {{ url: string, connections: number, timeoutMs: number }} o
 */
export function undiciClient(undici, { url, connections, timeoutMs }) {
  const target = new URL(url);
  // Requests beyond `connections` wait in the pool's queue, which the open loop counts as latency.
  const pool = new undici.Pool(target.origin, { connections, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 60_000 });

  async function post(body, key, token) {
    try {
      const headers = { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${token}` };
      const res = await pool.request({ path: target.pathname, method: 'POST', headers, body });
      const text = await res.body.text();
      return { status: res.statusCode, orderId: res.statusCode === 201 ? orderIdOf(text) : undefined };
    } catch (err) {
      return { status: 0, error: err.code ?? err.message };
    }
  }

  return { post, close: () => pool.destroy() };
}

function orderIdOf(text) {
  try {
    return JSON.parse(text).orderId;
  } catch {
    return undefined;
  }
}
