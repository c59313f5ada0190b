import { assertNever } from '@bazaar/shared-kernel';
import { cancelledOnceDone, cancelWith, Decision, moveTo, nothingNew, voidFor, without } from './decision';
import { UnexpectedProcessInput } from './order-process-errors';
import { backoffAfter, OrderProcessSettings } from './order-process-settings';
import { OrderProcessState } from './order-process-state';
import { GatewayCommand, ProcessCommand } from './process-command';

/** The command at the head was carried out: the next one is due; an emptied cancellation is complete. */
export function decideOnCarriedOut(process: OrderProcessState, command: ProcessCommand['type'], at: Date): Decision {
  if (process.pending[0]?.type !== command) return nothingNew;
  const pending = process.pending.slice(1);
  const step = process.step === 'cancelling' ? cancelledOnceDone(pending) : process.step;
  return moveTo(process, at, step, { pending, ...(command === 'VoidAuthorization' ? { authorizationVoided: true } : {}) });
}

/**
 * The gateway authorized. Normally the order records it (which publishes PaymentAuthorized) and
 * waits for Fulfillment until the deadline; if the process was cancelled meanwhile, the
 * authorization is voided and never recorded on the order; if Fulfillment's answer is already
 * known (kept by a process from before payments were recorded this way), it is acted on now.
 */
export function decideOnPaymentAuthorized(process: OrderProcessState, authorizationId: string, at: Date, settings: OrderProcessSettings): Decision {
  switch (process.step) {
    case 'authorizing': {
      const pending: ProcessCommand[] = [{ type: 'RecordPaymentAuthorized', authorizationId }, ...without(process.pending, 'AuthorizePayment')];
      const authorized = { ...process, authorizationId, pending };
      if (process.inventory === 'reserved') return moveTo(authorized, at, 'confirmed', { pending: [...authorized.pending, { type: 'ConfirmOrder' }] });
      if (process.inventory === 'failed') return cancelWith(authorized, at, 'out_of_stock');
      const reservationDeadline = new Date(at.getTime() + settings.reservationTimeoutMs);
      return moveTo(process, at, 'awaiting_inventory', { authorizationId, reservationDeadline, pending: authorized.pending });
    }
    case 'cancelling':
    case 'cancelled': {
      const voids = voidFor(process, authorizationId);
      if (voids.length === 0) return nothingNew;
      return moveTo(process, at, 'cancelling', { authorizationId, pending: [...process.pending, ...voids] });
    }
    case 'awaiting_inventory':
    case 'confirmed':
    case 'completed':
      return nothingNew;
    case 'screening':
    case 'awaiting_fraud_review':
      throw new UnexpectedProcessInput(process.orderId, process.step, 'PaymentAuthorized');
    default:
      return assertNever(process.step);
  }
}

/** The gateway declined: the order records it, which cancels the order (`payment_declined`). */
export function decideOnDeclined(process: OrderProcessState, reason: string, at: Date): Decision {
  if (process.step === 'cancelling' || process.step === 'cancelled') return nothingNew;
  if (process.step !== 'authorizing') throw new UnexpectedProcessInput(process.orderId, process.step, 'PaymentDeclined');
  const pending: ProcessCommand[] = [{ type: 'RecordPaymentDeclined', reason }, ...without(process.pending, 'AuthorizePayment')];
  return moveTo(process, at, 'cancelling', { pending, cancellationReason: 'payment_declined' });
}

/**
 * A transient gateway failure: try again after a backoff. Authorization gives up after the
 * configured attempts and cancels (`timed_out`); a void keeps trying, the buyer's money depends on it.
 */
export function decideOnGatewayUnavailable(process: OrderProcessState, command: GatewayCommand['type'], at: Date, settings: OrderProcessSettings): Decision {
  if (process.pending[0]?.type !== command) return nothingNew;
  const attempts = process.attempts + 1;
  if (command === 'AuthorizePayment' && attempts >= settings.maxAuthorizationAttempts) {
    return cancelWith(process, at, 'timed_out');
  }
  return { ...process, attempts, nextAttemptAt: new Date(at.getTime() + backoffAfter(attempts, settings.backoff)) };
}
