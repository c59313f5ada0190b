import { Money } from '@bazaar/shared-kernel';
import { OrderId } from '../order/order-id';

export interface AuthorizationRequest {
  /** Also the idempotency key at the gateway: asking again for the same order answers the first result. */
  readonly orderId: OrderId;
  readonly amount: Money;
  /** The buyer's payment method token, never card data. */
  readonly token: string;
}

/**
 * The gateway's answer. A token the gateway refuses as malformed is `declined` too (reason
 * `invalid_token`): for the order, both mean the payment will not happen.
 */
export type AuthorizationResult = { readonly outcome: 'authorized'; readonly authorizationId: string } | { readonly outcome: 'declined'; readonly reason: string };

/** The payment provider, behind a port; the sandbox adapter lives in infrastructure. */
export abstract class PaymentGateway {
  /** Throws PaymentGatewayUnavailable when no answer came back; that is worth retrying, with the same order id. */
  abstract authorize(request: AuthorizationRequest): Promise<AuthorizationResult>;
  /** Releases the money an authorization holds. Voiding one already voided succeeds. Throws PaymentGatewayUnavailable likewise. */
  abstract void(authorizationId: string): Promise<void>;
}

/**
 * The gateway could not be reached or did not answer in time: a transient failure, retried with
 * backoff. Deliberately not a DomainError, so that messaging treats it as transient too.
 */
export class PaymentGatewayUnavailable extends Error {
  constructor(detail: string) {
    super(`The payment gateway is unavailable: ${detail}`);
    this.name = 'PaymentGatewayUnavailable';
  }
}
