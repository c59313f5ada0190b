import { AggregateRoot, Money } from '@bazaar/shared-kernel';
import { OrderEvent } from './order-events';
import { OrderId } from './order-id';
import { assertMove } from './order-lifecycle';
import { FraudReviewByBuyer, FraudReviewNotPending, FraudReviewUndecided, PaymentAlreadyAuthorized } from './order-lifecycle-errors';
import { currencyOf, OrderLine, priceLines, RequestedLine, totalOf } from './order-line';
import { Attribution, FraudReview, OrderState, PaymentOutcome } from './order-state';
import { CancellationReason, DirectCancellationReason, OrderStatus } from './order-status';
import { ShippingAddress, ShippingAddressErased } from './shipping-address';

export type { Attribution, OrderState } from './order-state';

export interface PlaceOrderInput {
  readonly id: OrderId;
  readonly buyerId: string;
  readonly lines: readonly RequestedLine[];
  readonly shippingAddress: ShippingAddress;
  readonly paymentToken: string;
  readonly placedAt: Date;
}

/**
 * The buyer's intent to buy these lines, shipped there, paid with that token — and where that
 * intent stands. Every command checks its move against the lifecycle table and records what
 * happened; an illegal move throws, it is never skipped.
 */
export class Order extends AggregateRoot<OrderEvent> {
  private constructor(
    private state: OrderState,
    version: number,
  ) {
    super(version);
  }

  /** The one way an order comes to exist, for express checkout and for a cart's checkout alike. */
  static place(input: PlaceOrderInput): Order {
    const { lines, total } = priceLines(input.lines);
    const order = new Order({ ...input, lines, status: 'placed' }, 0);
    const { id: orderId, buyerId, shippingAddress, placedAt } = input;
    order.record({ type: 'OrderPlaced', orderId, buyerId, lines, total, shippingAddress, placedAt });
    return order;
  }

  /** Rebuilds a stored order; rules are not re-checked, because stored orders obeyed the rules of their day. */
  static restore(state: OrderState, version: number): Order {
    return new Order(state, version);
  }

  /** Screening scored the order at or above the threshold: it waits for a risk analyst. */
  requireFraudReview(score: number, reasons: readonly string[], at: Date): void {
    this.moveTo('awaiting_fraud_review', { fraudReview: { score, reasons, requestedAt: at } });
    this.record({ type: 'FraudReviewRequested', orderId: this.id, score, reasons, requestedAt: at });
  }

  /** Four eyes: the buyer of an order never decides its review, whatever roles they hold. */
  assertReviewableBy(analyst: string): void {
    if (analyst === this.buyerId) throw new FraudReviewByBuyer(this.id);
  }

  /** The order stays in review until its payment is authorized; approval is what allows that. */
  approveFraudReview(attribution: Attribution, at: Date): void {
    this.assertReviewableBy(attribution.by);
    this.state = { ...this.state, fraudReview: { ...this.undecidedReview(), decision: 'approved', decidedAt: at, ...decided(attribution) } };
    this.record({ type: 'FraudReviewApproved', orderId: this.id, approvedAt: at, approvedBy: attribution.by, reason: attribution.reason });
  }

  rejectFraudReview(attribution: Attribution, at: Date): void {
    this.assertReviewableBy(attribution.by);
    this.state = { ...this.state, fraudReview: { ...this.undecidedReview(), decision: 'rejected', decidedAt: at, ...decided(attribution) } };
    this.record({ type: 'FraudReviewRejected', orderId: this.id, rejectedAt: at, rejectedBy: attribution.by, reason: attribution.reason });
    this.cancelFor('fraud_rejected', at);
  }

  recordPaymentAuthorized(authorizationId: string, at: Date): void {
    this.assertPaymentMayBeRecorded();
    const { id: orderId, buyerId, total: amount, lines, shippingAddress } = this;
    if (!shippingAddress) throw new ShippingAddressErased(orderId);
    this.moveTo('payment_authorized', { payment: { state: 'authorized', authorizationId, at } });
    this.record({ type: 'PaymentAuthorized', orderId, buyerId, authorizationId, amount, lines, shippingAddress, authorizedAt: at });
  }

  /** A declined payment ends the order: it is cancelled with `payment_declined`. */
  recordPaymentFailed(reason: string, at: Date): void {
    this.assertPaymentMayBeRecorded();
    assertMove(this.id, this.status, 'cancelled');
    this.state = { ...this.state, payment: { state: 'declined', reason, at } };
    this.record({ type: 'PaymentFailed', orderId: this.id, reason, failedAt: at });
    this.cancelFor('payment_declined', at);
  }

  /** Inventory is reserved for the paid order. */
  confirm(at: Date): void {
    this.moveTo('confirmed', { confirmedAt: at });
    this.record({ type: 'OrderConfirmed', orderId: this.id, confirmedAt: at });
  }

  markDispatched(at: Date): void {
    this.moveTo('completed', { completedAt: at });
    this.record({ type: 'OrderCompleted', orderId: this.id, completedAt: at });
  }

  /** Allowed until dispatch (`order_already_dispatched` after). An authorization it held must then be voided. */
  cancel(reason: DirectCancellationReason, at: Date): void {
    this.cancelFor(reason, at);
  }

  private cancelFor(reason: CancellationReason, at: Date): void {
    const authorizationToVoid = this.authorizationId;
    this.moveTo('cancelled', { cancellation: { reason, at } });
    this.record({ type: 'OrderCancelled', orderId: this.id, reason, cancelledAt: at, ...(authorizationToVoid ? { authorizationToVoid } : {}) });
  }

  private moveTo(status: OrderStatus, facts: Partial<OrderState>): void {
    assertMove(this.id, this.status, status);
    this.state = { ...this.state, ...facts, status };
  }

  private undecidedReview(): FraudReview {
    const review = this.state.fraudReview;
    if (this.status !== 'awaiting_fraud_review' || !review || review.decision) throw new FraudReviewNotPending(this.id);
    return review;
  }

  private assertPaymentMayBeRecorded(): void {
    if (this.state.payment?.state === 'authorized') throw new PaymentAlreadyAuthorized(this.id);
    if (this.status === 'awaiting_fraud_review' && this.state.fraudReview?.decision !== 'approved') throw new FraudReviewUndecided(this.id);
  }

  get id(): OrderId {
    return this.state.id;
  }
  get buyerId(): string {
    return this.state.buyerId;
  }
  get status(): OrderStatus {
    return this.state.status;
  }
  get lines(): readonly OrderLine[] {
    return this.state.lines;
  }
  get total(): Money {
    return totalOf(this.state.lines, this.currency);
  }
  get currency(): string {
    return currencyOf(this.state.lines);
  }
  /** `undefined` once the buyer's personal data was erased. */
  get shippingAddress(): ShippingAddress | undefined {
    return this.state.shippingAddress;
  }
  get paymentToken(): string {
    return this.state.paymentToken;
  }
  get placedAt(): Date {
    return this.state.placedAt;
  }
  get fraudReview(): FraudReview | undefined {
    return this.state.fraudReview;
  }
  get payment(): PaymentOutcome | undefined {
    return this.state.payment;
  }
  /** The authorization the order holds, if its payment was authorized. */
  get authorizationId(): string | undefined {
    return this.state.payment?.state === 'authorized' ? this.state.payment.authorizationId : undefined;
  }
  get cancellationReason(): CancellationReason | undefined {
    return this.state.cancellation?.reason;
  }

  /** Everything the order remembers (immutable), for repositories. */
  toState(): OrderState {
    return this.state;
  }
}

function decided(attribution: Attribution): Pick<FraudReview, 'decidedBy' | 'decisionReason'> {
  return { decidedBy: attribution.by, decisionReason: attribution.reason };
}
