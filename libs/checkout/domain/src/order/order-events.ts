import { Money } from '@bazaar/shared-kernel';
import { OrderId } from './order-id';
import { OrderLine } from './order-line';
import { CancellationReason } from './order-status';
import { ShippingAddress } from './shipping-address';

/**
 * Checkout's private facts about orders. The ACL translates them into published integration
 * events; nothing outside Checkout sees these types.
 */
export type OrderEvent =
  OrderPlaced | FraudReviewRequested | FraudReviewApproved | FraudReviewRejected | PaymentAuthorized | PaymentFailed | OrderConfirmed | OrderCompleted | OrderCancelled;

/** The buyer placed an order. Deliberately carries no payment token: it never needs to leave the aggregate. */
export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly orderId: OrderId;
  readonly buyerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly shippingAddress: ShippingAddress;
  readonly placedAt: Date;
}

/** Screening scored the order at or above the review threshold; it waits for a risk analyst. */
export interface FraudReviewRequested {
  readonly type: 'FraudReviewRequested';
  readonly orderId: OrderId;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly requestedAt: Date;
}

export interface FraudReviewApproved {
  readonly type: 'FraudReviewApproved';
  readonly orderId: OrderId;
  readonly approvedAt: Date;
  /** The analyst who approved, and why. */
  readonly approvedBy: string;
  readonly reason: string;
}

/** Followed by OrderCancelled (`fraud_rejected`). */
export interface FraudReviewRejected {
  readonly type: 'FraudReviewRejected';
  readonly orderId: OrderId;
  readonly rejectedAt: Date;
  readonly rejectedBy: string;
  readonly reason: string;
}

/**
 * The gateway authorized the order's total; the reference to void it later is `authorizationId`.
 * It repeats what the order is for (buyer, lines, address): what happens next, reserving and
 * shipping, starts from this fact alone.
 */
export interface PaymentAuthorized {
  readonly type: 'PaymentAuthorized';
  readonly orderId: OrderId;
  readonly buyerId: string;
  readonly authorizationId: string;
  readonly amount: Money;
  readonly lines: readonly OrderLine[];
  readonly shippingAddress: ShippingAddress;
  readonly authorizedAt: Date;
}

/** The gateway declined; followed by OrderCancelled (`payment_declined`). */
export interface PaymentFailed {
  readonly type: 'PaymentFailed';
  readonly orderId: OrderId;
  readonly reason: string;
  readonly failedAt: Date;
}

/** Inventory is reserved for a paid order: it will be shipped. */
export interface OrderConfirmed {
  readonly type: 'OrderConfirmed';
  readonly orderId: OrderId;
  readonly confirmedAt: Date;
}

/** The order's parcel was dispatched; nothing about the order can change any more. */
export interface OrderCompleted {
  readonly type: 'OrderCompleted';
  readonly orderId: OrderId;
  readonly completedAt: Date;
}

export interface OrderCancelled {
  readonly type: 'OrderCancelled';
  readonly orderId: OrderId;
  readonly reason: CancellationReason;
  readonly cancelledAt: Date;
  /** Present when the order held an authorization: the money reserved on the buyer's card must be released. */
  readonly authorizationToVoid?: string;
}
