import { DomainError } from '@bazaar/shared-kernel';
import { OrderStatus } from './order-status';

/** The order's state does not allow what was asked (409); the caller may read the order and decide again. */
abstract class OrderStateConflict extends DomainError {
  readonly kind = 'conflict' as const;
}

/** A move the order's state machine does not have, e.g. confirming an order whose payment is not authorized. */
export class IllegalOrderTransition extends OrderStateConflict {
  readonly code = 'illegal_order_transition';

  constructor(
    orderId: string,
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`Order ${orderId} cannot go from ${from} to ${to}`);
  }
}

/** The parcel has left the warehouse: cancelling is no longer possible. */
export class OrderAlreadyDispatched extends OrderStateConflict {
  readonly code = 'order_already_dispatched';

  constructor(orderId: string) {
    super(`Order ${orderId} has been dispatched and can no longer be cancelled`);
  }
}

export class OrderAlreadyCancelled extends OrderStateConflict {
  readonly code = 'order_already_cancelled';

  constructor(orderId: string) {
    super(`Order ${orderId} is already cancelled`);
  }
}

/** An order is paid for by one authorization, never two. */
export class PaymentAlreadyAuthorized extends OrderStateConflict {
  readonly code = 'payment_already_authorized';

  constructor(orderId: string) {
    super(`The payment of order ${orderId} is already authorized`);
  }
}

/** Approving or rejecting needs an order waiting for a risk analyst's decision. */
export class FraudReviewNotPending extends OrderStateConflict {
  readonly code = 'fraud_review_not_pending';

  constructor(orderId: string) {
    super(`Order ${orderId} is not waiting for a fraud review decision`);
  }
}

/** Four eyes: nobody decides the fraud review of their own order (403, whatever their roles). */
export class FraudReviewByBuyer extends DomainError {
  readonly code = 'fraud_review_by_buyer';
  readonly kind = 'forbidden' as const;

  constructor(orderId: string) {
    super(`The buyer of order ${orderId} may not decide its fraud review`);
  }
}

/** An order sent to fraud review is not paid for until an analyst approves it. */
export class FraudReviewUndecided extends OrderStateConflict {
  readonly code = 'fraud_review_undecided';

  constructor(orderId: string) {
    super(`Order ${orderId} waits for a fraud review decision before its payment can be recorded`);
  }
}
