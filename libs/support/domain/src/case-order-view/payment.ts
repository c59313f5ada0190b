import { Money } from '@bazaar/shared-kernel';
import { Cancellation } from './order-status';

/**
 * `none`: the order ended before its payment was authorized or declined (as Checkout says it).
 * `voided`: it was authorized, and the authorization released when the order was cancelled.
 */
export const paymentStates = ['pending', 'authorized', 'failed', 'voided', 'none'] as const;
export type PaymentState = (typeof paymentStates)[number];

/** The order's payment as far as the published events tell; each group of fields is set once, by one fact. */
export interface Payment {
  readonly state: PaymentState;
  /** The amount authorized (the order's total); null until the authorization is seen. */
  readonly amount: Money | null;
  /** The gateway's reference of the authorization, for reconciliation with the payment provider. */
  readonly authorizationReference: string | null;
  readonly authorizedAt: string | null;
  /** The gateway's decline reason, e.g. `declined`. */
  readonly failureReason: string | null;
  readonly failedAt: string | null;
}

export const unknownPayment: Payment = {
  state: 'pending',
  amount: null,
  authorizationReference: null,
  authorizedAt: null,
  failureReason: null,
  failedAt: null,
};

export interface PaymentAuthorization {
  readonly amount: Money;
  readonly authorizationReference: string;
  readonly authorizedAt: string;
}

export function withAuthorization(payment: Payment, { amount, authorizationReference, authorizedAt }: PaymentAuthorization): Payment {
  return payment.authorizedAt === null ? { ...payment, amount, authorizationReference, authorizedAt } : payment;
}

export function withFailure(payment: Payment, failure: { readonly reason: string; readonly failedAt: string }): Payment {
  return payment.failedAt === null ? { ...payment, failureReason: failure.reason, failedAt: failure.failedAt } : payment;
}

/** Derived from what is known, never stored on its own, so no arrival order can leave it stale. */
export function paymentStateOf(payment: Payment, cancellation: Cancellation | null): PaymentState {
  if (cancellation?.authorizationVoided) return 'voided';
  if (payment.failedAt !== null) return 'failed';
  if (payment.authorizedAt !== null || cancellation?.paymentWasAuthorized) return 'authorized';
  return cancellation ? 'none' : 'pending';
}
