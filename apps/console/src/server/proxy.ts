import { IncomingMessage, request as httpRequest, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Context } from './config';
import { sendProblem } from './problem';

/** Request headers passed on to a service; everything else (cookies, hop-by-hop headers) stays here. */
const forwardedRequestHeaders = ['accept', 'authorization', 'content-type', 'content-length', 'idempotency-key', 'x-correlation-id', 'traceparent', 'tracestate'];
/** Response headers passed back to the browser. */
const forwardedResponseHeaders = ['content-type', 'content-length', 'retry-after', 'x-correlation-id', 'location', 'www-authenticate'];

/**
 * Sends `/api/<context>/<rest>` to `<service URL>/<rest>` (query string kept) and streams the answer
 * back as it is — status, body, the headers above. The browser only ever talks to the console's
 * origin, so the services need no CORS, and its bearer token travels on to them unchanged.
 */
export function proxy(context: Context, upstream: URL, rest: string, incoming: IncomingMessage, outgoing: ServerResponse, timeoutMs: number): void {
  const target = new URL(rest, upstream);
  const headers = Object.fromEntries(forwardedRequestHeaders.flatMap((name) => (incoming.headers[name] === undefined ? [] : [[name, incoming.headers[name]]])));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const forwarded = send(target, { method: incoming.method, headers, timeout: timeoutMs }, (answer) => {
    const back = Object.fromEntries(forwardedResponseHeaders.flatMap((name) => (answer.headers[name] === undefined ? [] : [[name, answer.headers[name]]])));
    outgoing.writeHead(answer.statusCode ?? 502, { ...back, 'cache-control': 'no-store' });
    answer.pipe(outgoing);
  });
  forwarded.on('timeout', () => forwarded.destroy(new Error('timeout')));
  forwarded.on('error', (error) => {
    if (outgoing.headersSent) return void outgoing.destroy();
    const timedOut = error.message === 'timeout';
    sendProblem(
      outgoing,
      timedOut ? 504 : 502,
      timedOut ? 'service_timeout' : 'service_unavailable',
      `${context} did not answer`,
      timedOut ? `${context} took longer than ${timeoutMs} ms` : `${context} is unreachable: ${error.message}`,
    );
  });
  incoming.pipe(forwarded);
}
