import { assertNever } from '@bazaar/shared-kernel';
import { FraudAssessment } from '../fraud/fraud-policy';
import { FraudReviewNotPending, OrderAlreadyCancelled, OrderAlreadyDispatched } from '../order/order-lifecycle-errors';
import { cancelWith, Decision, moveTo, nothingNew } from './decision';
import { OrderProcessState } from './order-process-state';
import { ProcessInput } from './process-input';

/** Screening decides once: review by a person, or straight on to payment. */
export function decideOnScreening(process: OrderProcessState, { score, reasons, verdict }: FraudAssessment, at: Date): Decision {
  if (process.step !== 'screening') return nothingNew;
  if (verdict === 'review') {
    return moveTo(process, at, 'awaiting_fraud_review', { fraudReview: 'pending', pending: [{ type: 'RequireFraudReview', score, reasons }] });
  }
  return moveTo(process, at, 'authorizing', { pending: [{ type: 'AuthorizePayment' }] });
}

/**
 * The analyst's decision, recorded on the order before anything else happens to it: approval goes
 * on to payment, rejection cancels (the order cancels itself when it records the rejection).
 */
export function decideOnFraudReview(process: OrderProcessState, { decision, attribution }: Extract<ProcessInput, { type: 'FraudReviewDecided' }>, at: Date): Decision {
  if (process.step === 'awaiting_fraud_review') {
    return decision === 'approved'
      ? moveTo(process, at, 'authorizing', {
          fraudReview: 'approved',
          pending: [...process.pending, { type: 'ApproveFraudReview', attribution }, { type: 'AuthorizePayment' }],
        })
      : moveTo(process, at, 'cancelling', {
          fraudReview: 'rejected',
          cancellationReason: 'fraud_rejected',
          pending: [...process.pending, { type: 'RejectFraudReview', attribution }],
        });
  }
  if (process.fraudReview === decision) return nothingNew;
  throw new FraudReviewNotPending(process.orderId);
}

/** The buyer may cancel until the parcel leaves; the process is where that race is decided. */
export function decideOnBuyerCancel(process: OrderProcessState, at: Date): Decision {
  switch (process.step) {
    case 'screening':
    case 'awaiting_fraud_review':
    case 'authorizing':
    case 'awaiting_inventory':
    case 'confirmed':
      return cancelWith(process, at, 'buyer_cancelled');
    case 'cancelling':
    case 'cancelled':
      if (process.cancellationReason === 'buyer_cancelled') return nothingNew;
      throw new OrderAlreadyCancelled(process.orderId);
    case 'completed':
      throw new OrderAlreadyDispatched(process.orderId);
    default:
      return assertNever(process.step);
  }
}
