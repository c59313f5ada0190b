import { assertNever } from '@bazaar/shared-kernel';
import { IllegalOrderTransition, OrderAlreadyCancelled, OrderAlreadyDispatched } from './order-lifecycle-errors';
import { OrderStatus } from './order-status';

/**
 * The order's state machine as a table: every status lists the statuses it may move to. Typed over
 * every status, so a new status does not compile until its moves are written down here.
 */
export const orderTransitions: { readonly [From in OrderStatus]: readonly OrderStatus[] } = {
  placed: ['awaiting_fraud_review', 'payment_authorized', 'cancelled'],
  awaiting_fraud_review: ['payment_authorized', 'cancelled'],
  payment_authorized: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

/** Throws the error that names the broken rule when the table has no such move. */
export function assertMove(orderId: string, from: OrderStatus, to: OrderStatus): void {
  if (!canMove(from, to)) throw refusal(orderId, from, to);
}

function refusal(orderId: string, from: OrderStatus, to: OrderStatus): Error {
  switch (from) {
    case 'completed':
      return to === 'cancelled' ? new OrderAlreadyDispatched(orderId) : new IllegalOrderTransition(orderId, from, to);
    case 'cancelled':
      return to === 'cancelled' ? new OrderAlreadyCancelled(orderId) : new IllegalOrderTransition(orderId, from, to);
    case 'placed':
    case 'awaiting_fraud_review':
    case 'payment_authorized':
    case 'confirmed':
      return new IllegalOrderTransition(orderId, from, to);
    default:
      return assertNever(from);
  }
}
