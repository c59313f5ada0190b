import { Attribution } from '../order/order-state';
import { DirectCancellationReason } from '../order/order-status';

/**
 * What the process decided must happen next, kept with its state until it has been carried out.
 * Order commands change the Order, in the transaction that tells the process they were carried out;
 * gateway commands call the PaymentGateway.
 */
export type ProcessCommand = OrderCommand | GatewayCommand;

export type OrderCommand =
  | { readonly type: 'RequireFraudReview'; readonly score: number; readonly reasons: readonly string[] }
  | { readonly type: 'ApproveFraudReview'; readonly attribution: Attribution }
  | { readonly type: 'RejectFraudReview'; readonly attribution: Attribution }
  | { readonly type: 'ConfirmOrder' }
  | { readonly type: 'CompleteOrder' }
  | { readonly type: 'CancelOrder'; readonly reason: DirectCancellationReason }
  /** The gateway's answer, recorded on the order once the process has taken it (a late one, after a cancel, never is). */
  | { readonly type: 'RecordPaymentAuthorized'; readonly authorizationId: string }
  | { readonly type: 'RecordPaymentDeclined'; readonly reason: string };

/** Retried with backoff when the gateway is unavailable. */
export type GatewayCommand = { readonly type: 'AuthorizePayment' } | { readonly type: 'VoidAuthorization'; readonly authorizationId: string };

export function isGatewayCommand(command: ProcessCommand): command is GatewayCommand {
  return command.type === 'AuthorizePayment' || command.type === 'VoidAuthorization';
}
