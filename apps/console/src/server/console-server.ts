import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { ConsoleConfig, Context, contexts } from './config';
import { DevTokenSource, isRole } from './dev-tokens';
import { sendJson, sendProblem } from './problem';
import { proxy } from './proxy';
import { serveStatic } from './static-files';

const apiRoute = /^\/api\/([a-z]+)(\/.*)$/;

/**
 * The console's one server: the built browser app, `/api/<context>/…` proxied to each service, a
 * development sign-in when enabled, and health probes. It holds no state and reads no database: the
 * console is a client of the services' public routes, nothing more.
 */
export function createConsoleServer(config: ConsoleConfig, devTokens: DevTokenSource): Server {
  return createServer((request, response) => {
    handle(config, devTokens, request, response).catch((error: unknown) => {
      if (!response.headersSent) sendProblem(response, 500, 'internal_error', 'Something went wrong in the console server');
      else response.destroy(error as Error);
    });
  });
}

async function handle(config: ConsoleConfig, devTokens: DevTokenSource, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://console.invalid');
  const api = apiRoute.exec(url.pathname);
  if (api) {
    const [, context, rest] = api as unknown as [string, string, string];
    if (!(contexts as readonly string[]).includes(context)) return sendProblem(response, 404, 'unknown_context', `No service named ${context}`);
    return proxy(context as Context, config.upstreams[context as Context], `.${rest}${url.search}`, request, response, config.upstreamTimeoutMs);
  }
  if (url.pathname === '/health/live' || url.pathname === '/health/ready') return sendJson(response, 200, { status: 'ok' });
  if (url.pathname === '/auth/dev-token') return devSignIn(config, devTokens, request, response);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendProblem(response, 405, 'method_not_allowed', 'Method not allowed');
  return serveStatic(config.staticDir, url.pathname, response);
}

/** `POST /auth/dev-token { role, subject }` → `{ role, subject, token }`; 404 unless CONSOLE_DEV_TOKENS=true. */
async function devSignIn(config: ConsoleConfig, devTokens: DevTokenSource, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!config.devTokens) return sendProblem(response, 404, 'not_found', 'Development sign-in is off');
  if (request.method !== 'POST') return sendProblem(response, 405, 'method_not_allowed', 'Method not allowed');
  const body = await readJson(request);
  const role = body?.['role'];
  const subject = body?.['subject'] ?? `console-${String(role)}`;
  if (!isRole(role) || typeof subject !== 'string' || !/^[\w.@-]{1,100}$/.test(subject)) {
    return sendProblem(response, 400, 'invalid_request', 'Name a known role (and optionally a subject of letters, digits, . @ _ -)');
  }
  return sendJson(response, 200, { role, subject, token: await devTokens(role, subject) });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 10_000) return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
