import { AuthorizationRequest, AuthorizationResult, PaymentGateway, PaymentGatewayUnavailable } from '@bazaar/checkout-domain';

/**
 * The sandbox gateway in memory: `tok_ok` authorizes, `tok_declined` is declined, any
 * other token is a bad request (declined as `invalid_token`). Idempotent per order id, counts
 * every call, and can be told to be unavailable for the next calls.
 */
export class FakePaymentGateway extends PaymentGateway {
  readonly #answers = new Map<string, AuthorizationResult>();
  readonly #voided = new Set<string>();
  #unavailableFor = 0;
  authorizeCalls = 0;
  voidCalls = 0;

  /** The next `calls` calls (authorize or void) throw PaymentGatewayUnavailable. */
  unavailableFor(calls: number): this {
    this.#unavailableFor = calls;
    return this;
  }

  async authorize({ orderId, token }: AuthorizationRequest): Promise<AuthorizationResult> {
    this.authorizeCalls++;
    this.failIfUnavailable();
    const earlier = this.#answers.get(orderId);
    if (earlier) return earlier;
    const answer = answerFor(token, this.#answers.size + 1);
    this.#answers.set(orderId, answer);
    return answer;
  }

  async void(authorizationId: string): Promise<void> {
    this.voidCalls++;
    this.failIfUnavailable();
    if (!this.authorizationIds().includes(authorizationId)) throw new Error(`The sandbox made no authorization ${authorizationId}`);
    this.#voided.add(authorizationId);
  }

  /** Authorizations made, at most one per order whatever the number of calls. */
  authorizationIds(): string[] {
    return [...this.#answers.values()].flatMap((answer) => (answer.outcome === 'authorized' ? [answer.authorizationId] : []));
  }

  isVoided(authorizationId: string): boolean {
    return this.#voided.has(authorizationId);
  }

  private failIfUnavailable(): void {
    if (this.#unavailableFor === 0) return;
    this.#unavailableFor--;
    throw new PaymentGatewayUnavailable('the sandbox was told to be unavailable');
  }
}

// The sandbox tokens are published test values, not secrets: comparing them leaks nothing.
/* eslint-disable security/detect-possible-timing-attacks */
function answerFor(token: string, n: number): AuthorizationResult {
  if (token === 'tok_ok') return { outcome: 'authorized', authorizationId: `auth-${n}` };
  if (token === 'tok_declined') return { outcome: 'declined', reason: 'declined' };
  return { outcome: 'declined', reason: 'invalid_token' };
}
/* eslint-enable security/detect-possible-timing-attacks */
