/** The four services the console talks to, by the path prefix the browser uses: `/api/<context>/…`. */
export const contexts = ['checkout', 'fulfillment', 'finance', 'support'] as const;
export type Context = (typeof contexts)[number];

export interface ConsoleConfig {
  readonly host: string;
  readonly port: number;
  /** Where each context's service answers, e.g. `http://127.0.0.1:3001`. */
  readonly upstreams: Readonly<Record<Context, URL>>;
  /** The built browser app (index.html and its assets). */
  readonly staticDir: string;
  /**
   * Local only: the role picker may ask this server for a development token. Off unless
   * CONSOLE_DEV_TOKENS=true; production signs people in through the identity provider instead.
   */
  readonly devTokens: boolean;
  /** The local issuer that mints development tokens (`AUTH_ISSUER`, as the services are given). */
  readonly issuer: URL;
  /** How long the console waits for a service before answering 504. */
  readonly upstreamTimeoutMs: number;
}

const defaultPorts: Record<Context, number> = { checkout: 3001, fulfillment: 3002, finance: 3003, support: 3004 };

export class ConsoleConfigInvalid extends Error {}

/** Reads and checks the console's settings once, at start: a bad one stops it with a clear message. */
export function loadConsoleConfig(env: NodeJS.ProcessEnv, defaultStaticDir: string): ConsoleConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConsoleConfigInvalid(`PORT must be a port number, got ${env['PORT']}`);
  const timeout = Number(env['CONSOLE_UPSTREAM_TIMEOUT_MS'] ?? 10_000);
  if (!Number.isInteger(timeout) || timeout < 1) throw new ConsoleConfigInvalid('CONSOLE_UPSTREAM_TIMEOUT_MS must be a positive integer');
  const devTokens = env['CONSOLE_DEV_TOKENS'] ?? 'false';
  if (devTokens !== 'true' && devTokens !== 'false') throw new ConsoleConfigInvalid('CONSOLE_DEV_TOKENS must be true or false');
  const issuer = httpUrl('AUTH_ISSUER', env['AUTH_ISSUER'] ?? 'http://127.0.0.1:3009');
  const upstreams = Object.fromEntries(
    contexts.map((context) => {
      const key = `${context.toUpperCase()}_URL`;
      return [context, httpUrl(key, env[key] ?? `http://127.0.0.1:${defaultPorts[context]}`)];
    }),
  ) as Record<Context, URL>;
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    upstreams,
    staticDir: env['CONSOLE_STATIC_DIR'] ?? defaultStaticDir,
    devTokens: devTokens === 'true',
    issuer,
    upstreamTimeoutMs: timeout,
  };
}

function httpUrl(key: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConsoleConfigInvalid(`${key} must be an http(s) URL, got ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConsoleConfigInvalid(`${key} must be an http(s) URL, got ${value}`);
  return url;
}
