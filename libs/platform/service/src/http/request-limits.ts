import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ServiceConfig } from '../config';
import { acceptedTraceContext } from '../observability/trace-context';
import { PROBLEM_CONTENT_TYPE, problem, toProblem } from './problem-details';
import { RequestRefused } from './request-refused';

export interface RequestLimits {
  /** Body limit of a route that sets none (`@BodyLimit`). */
  readonly bodyLimitBytes: number;
  readonly maxJsonDepth: number;
  readonly maxUrlLength: number;
}

export function requestLimitsOf(config: Pick<ServiceConfig, 'HTTP_BODY_LIMIT_BYTES' | 'HTTP_MAX_JSON_DEPTH' | 'HTTP_MAX_URL_LENGTH'>): RequestLimits {
  return { bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES, maxJsonDepth: config.HTTP_MAX_JSON_DEPTH, maxUrlLength: config.HTTP_MAX_URL_LENGTH };
}

/** A route that takes bodies larger (or smaller) than the service's default; past it, 413. */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/**
 * What no route has to think about (docs/abuse.md): the body limit per route, the length of the
 * request target, NUL characters and unpaired UTF-16 surrogates in any string of the body, query or
 * path (400 `invalid_characters` naming the field), a JSON body nested past the limit (400
 * `too_deeply_nested`), and a caller's trace context that breaks the W3C rules (ignored: the request
 * starts a new trace). Register before the other hooks: the trace context is read by the first.
 */
export function limitRequests(fastify: FastifyInstance, limits: RequestLimits): void {
  fastify.addHook('onRoute', (route) => {
    const configured = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    route.bodyLimit = configured ?? route.bodyLimit ?? limits.bodyLimitBytes;
  });

  fastify.addHook('onRequest', (request, _reply, done) => {
    const accepted = acceptedTraceContext(single(request.headers['traceparent']), single(request.headers['tracestate']));
    if (accepted.traceparent === undefined) delete request.headers['traceparent'];
    if (accepted.tracestate === undefined) delete request.headers['tracestate'];
    if (request.url.length > limits.maxUrlLength) {
      done(new RequestRefused(414, 'uri_too_long', `The request target is longer than ${limits.maxUrlLength} characters`));
      return;
    }
    done();
  });

  fastify.addHook('preValidation', (request, _reply, done) => {
    done(refusalOf(request, limits.maxJsonDepth));
  });

  // A body refused before it was read (413, larger than the route takes) is still arriving. Fastify
  // answers it with `Connection: close`, and closing a socket with unread input resets it, which
  // can destroy the answer before the client has read it. Kept open, the connection has Node read
  // and discard the rest (within HTTP_REQUEST_TIMEOUT_MS) and the client gets its 413.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode === 413 && !request.raw.complete) reply.removeHeader('connection');
    done(null, payload);
  });
}

function refusalOf(request: FastifyRequest, maxDepth: number): RequestRefused | undefined {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const found = firstHostile(value, part, maxDepth);
    if (found?.kind === 'depth')
      return new RequestRefused(400, 'too_deeply_nested', `The JSON body is nested deeper than ${maxDepth} levels`, [{ path: found.path, message: 'nested too deeply' }]);
    if (found)
      return new RequestRefused(400, 'invalid_characters', 'A field holds a NUL character or an unpaired UTF-16 surrogate', [
        { path: found.path, message: 'must not contain NUL characters or unpaired surrogates' },
      ]);
  }
  return undefined;
}

/** Walks a parsed value without recursion (depth is what it checks), keys included. */
function firstHostile(root: unknown, rootPath: string, maxDepth: number): { kind: 'characters' | 'depth'; path: string } | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof value === 'string') {
      if (!isClean(value)) return { kind: 'characters', path };
    } else if (value !== null && typeof value === 'object') {
      if (depth >= maxDepth) return { kind: 'depth', path };
      for (const [key, child] of Object.entries(value)) {
        if (!isClean(key)) return { kind: 'characters', path };
        pending.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isClean(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Fastify's router answers a URL it cannot decode itself, before any hook or handler (Fastify's
 * `frameworkErrors`): as a problem, without the URL.
 */
export function problemOnFrameworkError(error: Error & { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply): void {
  const details = toProblem(error);
  void reply.code(details.status).header('content-type', PROBLEM_CONTENT_TYPE).send(details);
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers too large, a
 * malformed request line, a client too slow): they still get a problem, and never their input back.
 */
export function problemOnClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request did not arrive in time']
        : [400, 'malformed_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(problem(status, code, title));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
