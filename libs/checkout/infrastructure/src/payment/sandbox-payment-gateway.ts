import { setTimeout as sleep } from 'node:timers/promises';
import { AuthorizationRequest, AuthorizationResult, PaymentGateway, PaymentGatewayUnavailable } from '@bazaar/checkout-domain';

/** The tokens the sandbox understands; anything else is a bad request. */
export const sandboxTokens = { authorizes: 'tok_ok', declines: 'tok_declined' } as const;

export interface SandboxOptions {
  /** How long each call takes. */
  readonly latencyMs: number;
  /** The share of calls (0..1) that fail as transient, after the sandbox decided: the answer is lost, not the decision. */
  readonly failureRate: number;
  /** For tests that need a given draw; Math.random by default. */
  readonly random?: () => number;
}

/**
 * The sandbox payment provider, in process: `tok_ok` authorizes, `tok_declined` is
 * declined, any other token is refused as `invalid_token`. Idempotent per order id, like a real
 * provider with an idempotency key: the authorization of an order is always the same one (its
 * reference derives from the order id, so that holds across restarts too), and asking again
 * answers it again. It counts calls, for tests and demos.
 */
export class SandboxPaymentGateway extends PaymentGateway {
  readonly #authorized = new Set<string>();
  readonly #voided = new Set<string>();
  authorizeCalls = 0;
  voidCalls = 0;

  constructor(private options: SandboxOptions) {
    super();
  }

  /** Changes latency or failure rate on a running sandbox (a demo of an outage, a test of recovery). */
  reconfigure(options: Partial<SandboxOptions>): void {
    this.options = { ...this.options, ...options };
  }

  async authorize({ orderId, token }: AuthorizationRequest): Promise<AuthorizationResult> {
    this.authorizeCalls++;
    await this.delay();
    const answer = answerFor(orderId, token);
    if (answer.outcome === 'authorized') this.#authorized.add(orderId);
    this.maybeLoseTheAnswer('authorize');
    return answer;
  }

  async void(authorizationId: string): Promise<void> {
    this.voidCalls++;
    await this.delay();
    if (!authorizationId.startsWith(AUTHORIZATION_PREFIX)) throw new Error(`The sandbox made no authorization ${authorizationId}`);
    this.#voided.add(authorizationId);
    this.maybeLoseTheAnswer('void');
  }

  /** Orders this sandbox authorized: each at most once, however often it was asked. */
  authorizedOrders(): string[] {
    return [...this.#authorized];
  }

  isVoided(authorizationId: string): boolean {
    return this.#voided.has(authorizationId);
  }

  private async delay(): Promise<void> {
    if (this.options.latencyMs > 0) await sleep(this.options.latencyMs);
  }

  private maybeLoseTheAnswer(call: string): void {
    const { failureRate, random = Math.random } = this.options;
    if (failureRate > 0 && random() < failureRate) throw new PaymentGatewayUnavailable(`the sandbox timed out on ${call} (simulated)`);
  }
}

const AUTHORIZATION_PREFIX = 'sbx_auth_';

// The sandbox tokens are published test values, not secrets: comparing them leaks nothing.
/* eslint-disable security/detect-possible-timing-attacks */
function answerFor(orderId: string, token: string): AuthorizationResult {
  if (token === sandboxTokens.authorizes) return { outcome: 'authorized', authorizationId: `${AUTHORIZATION_PREFIX}${orderId}` };
  if (token === sandboxTokens.declines) return { outcome: 'declined', reason: 'declined' };
  return { outcome: 'declined', reason: 'invalid_token' };
}
/* eslint-enable security/detect-possible-timing-attacks */

/** Whether the sandbox understands a token; the HTTP edge refuses the others before any order exists. */
export function isSandboxToken(token: string): boolean {
  return token === sandboxTokens.authorizes || token === sandboxTokens.declines;
}
