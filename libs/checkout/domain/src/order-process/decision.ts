import { OrderProcessStep } from './order-process-step';
import { OrderProcessState } from './order-process-state';
import { ProcessCommand } from './process-command';
import { CancellationReason, DirectCancellationReason } from '../order/order-status';

/** The next state, or `undefined`: nothing new (the same news twice, or news that no longer matters). */
export type Decision = OrderProcessState | undefined;

export const nothingNew: Decision = undefined;

type Changes = Partial<Omit<OrderProcessState, 'orderId' | 'startedAt' | 'step' | 'attempts' | 'nextAttemptAt'>>;

/**
 * Moves to `step` with `changes`. A new command at the head of `pending` starts with no failed
 * attempts and is due at once; a head that stays keeps its attempts and its due time.
 */
export function moveTo(process: OrderProcessState, at: Date, step: OrderProcessStep, changes: Changes = {}): OrderProcessState {
  const pending = changes.pending ?? process.pending;
  const head = pending[0];
  const sameHead = head !== undefined && head === process.pending[0];
  return {
    ...process,
    ...changes,
    step,
    pending,
    attempts: sameHead ? process.attempts : 0,
    nextAttemptAt: head === undefined ? undefined : sameHead ? process.nextAttemptAt : at,
  };
}

export function without(pending: readonly ProcessCommand[], type: ProcessCommand['type']): ProcessCommand[] {
  return pending.filter((command) => command.type !== type);
}

/** Nothing left to carry out means the cancellation is complete. */
export function cancelledOnceDone(pending: readonly ProcessCommand[]): OrderProcessStep {
  return pending.length === 0 ? 'cancelled' : 'cancelling';
}

/**
 * The compensation: cancel the order and void the authorization it holds. Forward moves still
 * pending are dropped (the order goes straight to cancelled); voids already pending stay.
 */
export function cancelWith(process: OrderProcessState, at: Date, reason: DirectCancellationReason): OrderProcessState {
  const voids = process.pending.filter((command) => command.type === 'VoidAuthorization');
  const pending: ProcessCommand[] = [{ type: 'CancelOrder', reason }, ...voids, ...voidFor(process, process.authorizationId)];
  return moveTo(process, at, 'cancelling', { pending, cancellationReason: reason satisfies CancellationReason });
}

/** A void of `authorizationId`, unless it was already voided or is already going to be. */
export function voidFor(process: OrderProcessState, authorizationId: string | undefined): ProcessCommand[] {
  if (authorizationId === undefined) return [];
  if (process.authorizationVoided && process.authorizationId === authorizationId) return [];
  const already = process.pending.some((command) => command.type === 'VoidAuthorization' && command.authorizationId === authorizationId);
  return already ? [] : [{ type: 'VoidAuthorization', authorizationId }];
}
