import { OrderId } from './order-id';
import { OrderLine } from './order-line';
import { CancellationReason, OrderStatus } from './order-status';
import { ShippingAddress } from './shipping-address';

/** Who decided a fraud review and why: a person's decision is always attributed and explained. */
export interface Attribution {
  /** The deciding analyst: the `sub` of their token. */
  readonly by: string;
  readonly reason: string;
}

/** A risk analyst's case: why screening sent the order to review and, once decided, what they decided. */
export interface FraudReview {
  readonly score: number;
  /** Codes of the fraud rules that fired, e.g. `large_order`. */
  readonly reasons: readonly string[];
  readonly requestedAt: Date;
  readonly decision?: 'approved' | 'rejected';
  readonly decidedAt?: Date;
  /** Absent only on decisions recorded before decisions were attributed. */
  readonly decidedBy?: string;
  readonly decisionReason?: string;
}

/** What the payment gateway answered for this order; absent until it answered. */
export type PaymentOutcome =
  { readonly state: 'authorized'; readonly authorizationId: string; readonly at: Date } | { readonly state: 'declined'; readonly reason: string; readonly at: Date };

export interface Cancellation {
  readonly reason: CancellationReason;
  readonly at: Date;
}

/**
 * Everything the order remembers; what the repository persists and restores. The lifecycle facts
 * are optional because an order just placed has none of them yet.
 */
export interface OrderState {
  readonly id: OrderId;
  readonly buyerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  /** Absent once the buyer's personal data was erased (the order keeps its lines, amounts and lifecycle). */
  readonly shippingAddress?: ShippingAddress;
  /** A reference to the buyer's payment method at the gateway, never card data. */
  readonly paymentToken: string;
  readonly placedAt: Date;
  readonly fraudReview?: FraudReview;
  readonly payment?: PaymentOutcome;
  readonly confirmedAt?: Date;
  readonly completedAt?: Date;
  readonly cancellation?: Cancellation;
}
