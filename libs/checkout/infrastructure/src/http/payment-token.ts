import { DomainError } from '@bazaar/shared-kernel';
import { isSandboxToken, sandboxTokens } from '../payment/sandbox-payment-gateway';

/** The gateway would refuse this token as a bad request: refused at the edge instead, before an order exists. */
export class UnknownPaymentToken extends DomainError {
  readonly code = 'unknown_payment_token';
  readonly kind = 'invalid' as const;

  constructor() {
    super(`The payment gateway does not know this token; the sandbox knows ${sandboxTokens.authorizes} and ${sandboxTokens.declines}`);
  }
}

export function knownPaymentToken(token: string): string {
  if (!isSandboxToken(token)) throw new UnknownPaymentToken();
  return token;
}
