import { assertNever } from '@bazaar/shared-kernel';
import { decideOnBuyerCancel, decideOnFraudReview, decideOnScreening } from './decide-buyer-and-review';
import { decideOnCarriedOut, decideOnDeclined, decideOnGatewayUnavailable, decideOnPaymentAuthorized } from './decide-commands-and-payment';
import { decideOnDeadline, decideOnDispatch, decideOnReservationFailed, decideOnReserved } from './decide-fulfillment';
import { Decision } from './decision';
import { OrderProcessSettings } from './order-process-settings';
import { OrderProcessState } from './order-process-state';
import { ProcessInput } from './process-input';

/**
 * The process manager's whole decision: given where the process stands and what just happened,
 * the next state (its step and the commands to carry out), or `nothingNew` for news it has
 * already acted on. Pure: time and settings come in; nothing is read or written.
 */
export function decide(process: OrderProcessState, input: ProcessInput, at: Date, settings: OrderProcessSettings): Decision {
  switch (input.type) {
    case 'Screened':
      return decideOnScreening(process, input.assessment, at);
    case 'FraudReviewDecided':
      return decideOnFraudReview(process, input, at);
    case 'PaymentAuthorized':
      return decideOnPaymentAuthorized(process, input.authorizationId, at, settings);
    case 'PaymentDeclined':
      return decideOnDeclined(process, input.reason, at);
    case 'GatewayUnavailable':
      return decideOnGatewayUnavailable(process, input.command, at, settings);
    case 'CommandCarriedOut':
      return decideOnCarriedOut(process, input.command, at);
    case 'InventoryReserved':
      return decideOnReserved(process, at);
    case 'InventoryReservationFailed':
      return decideOnReservationFailed(process, at);
    case 'DeadlineReached':
      return decideOnDeadline(process, at);
    case 'ShipmentDispatched':
      return decideOnDispatch(process, at);
    case 'BuyerCancelled':
      return decideOnBuyerCancel(process, at);
    default:
      return assertNever(input);
  }
}
