import { OrderEvent } from '@bazaar/checkout-domain';
import { OutgoingEvent } from '@bazaar/platform-messaging';
import {
  BuyerDataKeyV1,
  CartCheckedOutV2,
  EventContract,
  FraudReviewDecidedV1,
  FraudReviewRequestedV1,
  OrderCancelledV1,
  OrderCompletedV1,
  OrderConfirmedV1,
  PaymentAuthorizedV2,
  PaymentFailedV1,
} from '@bazaar/published-language';
import { assertNever } from '@bazaar/shared-kernel';
import { cartCheckedOut, orderCancelled, paymentAuthorized } from './published-order-data';
import { PublishedPersonalData } from './sealed-address';

/**
 * Which published events each of the order's private events becomes. Every domain event must be
 * decided here explicitly (an internal-only event maps to `[]`), so adding one fails to compile
 * until someone chooses. Every one is keyed by the order id, on `checkout.orders`.
 *
 * The two that carry the address seal it with the buyer's data key (`personalData`, required for
 * them); a placed order also publishes that key, wrapped for sharing, keyed by the buyer on
 * `checkout.buyer-keys` — with every order, so that a reader that missed one, or a rotated sharing
 * KEK, catches up with the next.
 */
export function publishedEventsOf(event: OrderEvent, personalData?: PublishedPersonalData): OutgoingEvent[] {
  switch (event.type) {
    case 'OrderPlaced': {
      const sealing = required(personalData, event.orderId);
      return [
        { contract: BuyerDataKeyV1, aggregateId: event.buyerId, occurredAt: event.placedAt, data: sealing.sharedKey() },
        about(event.orderId, event.placedAt, CartCheckedOutV2, cartCheckedOut(event, sealing)),
      ];
    }
    case 'FraudReviewRequested': {
      const { orderId, score, reasons, requestedAt } = event;
      return [about(orderId, requestedAt, FraudReviewRequestedV1, { orderId, score, reasons: [...reasons], requestedAt: requestedAt.toISOString() })];
    }
    case 'FraudReviewApproved':
      return [
        about(event.orderId, event.approvedAt, FraudReviewDecidedV1, {
          orderId: event.orderId,
          decision: 'approved',
          decidedAt: event.approvedAt.toISOString(),
          decidedBy: event.approvedBy,
          reason: event.reason,
        }),
      ];
    case 'FraudReviewRejected':
      return [
        about(event.orderId, event.rejectedAt, FraudReviewDecidedV1, {
          orderId: event.orderId,
          decision: 'rejected',
          decidedAt: event.rejectedAt.toISOString(),
          decidedBy: event.rejectedBy,
          reason: event.reason,
        }),
      ];
    case 'PaymentAuthorized':
      return [about(event.orderId, event.authorizedAt, PaymentAuthorizedV2, paymentAuthorized(event, required(personalData, event.orderId)))];
    case 'PaymentFailed':
      return [about(event.orderId, event.failedAt, PaymentFailedV1, { orderId: event.orderId, reason: event.reason, failedAt: event.failedAt.toISOString() })];
    case 'OrderConfirmed':
      return [about(event.orderId, event.confirmedAt, OrderConfirmedV1, { orderId: event.orderId, confirmedAt: event.confirmedAt.toISOString() })];
    case 'OrderCompleted':
      return [about(event.orderId, event.completedAt, OrderCompletedV1, { orderId: event.orderId, completedAt: event.completedAt.toISOString() })];
    case 'OrderCancelled':
      return [about(event.orderId, event.cancelledAt, OrderCancelledV1, orderCancelled(event))];
    default:
      return assertNever(event);
  }
}

function required(personalData: PublishedPersonalData | undefined, orderId: string): PublishedPersonalData {
  if (!personalData) throw new Error(`order ${orderId}: an event carrying the address is published only sealed with the buyer's data key`);
  return personalData;
}

function about<TData>(orderId: string, occurredAt: Date, contract: EventContract<TData>, data: TData): OutgoingEvent<TData> {
  return { contract, aggregateId: orderId, occurredAt, data };
}
