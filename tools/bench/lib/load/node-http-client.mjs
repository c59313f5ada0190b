/** HTTP/1.1 client on node:http: keep-alive, one request per connection at a time. */
import { Agent, request } from 'node:http';

/**
 * Posts to its targets in turn (round robin), `connections` at most to each.
 * @param {{ urls: string[], connections: number, timeoutMs: number }} o
 * @returns {{ post: (body: string, key: string, token: string) => Promise<{ status: number, orderId?: string, error?: string }>, close: () => void }}
 */
export function nodeHttpClient({ urls, connections, timeoutMs }) {
  // maxSockets caps connections per target; requests beyond it wait in the agent's queue, which the
  // open-loop generator counts as latency because it measures from the scheduled send time.
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
  const targets = urls
    .map((url) => new URL(url))
    .map((target) => ({ host: target.hostname, port: Number(target.port), path: target.pathname, method: 'POST', agent, timeout: timeoutMs }));
  let next = 0;

  function post(body, key, token) {
    const target = targets[next];
    next = (next + 1) % targets.length;
    return new Promise((resolve) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key, authorization: `Bearer ${token}` };
      const req = request({ ...target, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, orderId: orderIdOf(res.statusCode, chunks) }));
        res.on('error', (err) => resolve({ status: 0, error: err.code ?? err.message }));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (err) => resolve({ status: 0, error: err.code ?? err.message }));
      req.end(body);
    });
  }

  return { post, close: () => agent.destroy() };
}

function orderIdOf(status, chunks) {
  if (status !== 201) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')).orderId;
  } catch {
    return undefined;
  }
}
