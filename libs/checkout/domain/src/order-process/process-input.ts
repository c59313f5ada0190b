import { FraudAssessment } from '../fraud/fraud-policy';
import { Attribution } from '../order/order-state';
import { GatewayCommand, ProcessCommand } from './process-command';

/**
 * Everything the order's process reacts to: news from screening, the analyst, the gateway,
 * Fulfillment, the clock and the buyer, and the outcome of the commands it issued.
 */
export type ProcessInput =
  | { readonly type: 'Screened'; readonly assessment: FraudAssessment }
  | { readonly type: 'FraudReviewDecided'; readonly decision: 'approved' | 'rejected'; readonly attribution: Attribution }
  | { readonly type: 'PaymentAuthorized'; readonly authorizationId: string }
  | { readonly type: 'PaymentDeclined'; readonly reason: string }
  | { readonly type: 'GatewayUnavailable'; readonly command: GatewayCommand['type'] }
  /** An order command or a void was carried out (or found already done). Authorizing reports its outcome instead. */
  | { readonly type: 'CommandCarriedOut'; readonly command: Exclude<ProcessCommand['type'], 'AuthorizePayment'> }
  | { readonly type: 'InventoryReserved' }
  | { readonly type: 'InventoryReservationFailed' }
  | { readonly type: 'DeadlineReached' }
  | { readonly type: 'ShipmentDispatched' }
  | { readonly type: 'BuyerCancelled' };
