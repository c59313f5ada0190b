import { DomainError, money } from '@bazaar/shared-kernel';
import { aLine, anAnalystsDecision, anOrder } from '../testing/order.builder';
import { Order } from './order';
import { canMove, orderTransitions } from './order-lifecycle';
import { orderStatuses } from './order-status';

const at = new Date('2026-11-21T12:00:00.000Z');

function refusal(command: () => unknown): DomainError {
  try {
    command();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the order to refuse');
}

const lastEventOf = (order: Order) => order.pendingEvents.at(-1);

describe('The order lifecycle table', () => {
  it('lists the moves between the public order statuses and nothing else', () => {
    expect(orderTransitions).toEqual({
      placed: ['awaiting_fraud_review', 'payment_authorized', 'cancelled'],
      awaiting_fraud_review: ['payment_authorized', 'cancelled'],
      payment_authorized: ['confirmed', 'cancelled'],
      confirmed: ['completed', 'cancelled'],
      completed: [],
      cancelled: [],
    });
  });

  it('never lets an order move back or stay put', () => {
    for (const from of orderStatuses) {
      expect(canMove(from, from)).toBe(false);
      expect(canMove(from, 'placed')).toBe(false);
    }
  });
});

describe('Fraud review of an order', () => {
  it('sends a placed order to review with its score and reasons', () => {
    const order = anOrder().stored().build();

    order.requireFraudReview(120, ['large_order', 'high_risk_country'], at);

    expect(order.status).toBe('awaiting_fraud_review');
    expect(order.fraudReview).toEqual({ score: 120, reasons: ['large_order', 'high_risk_country'], requestedAt: at });
    expect(order.pendingEvents).toEqual([{ type: 'FraudReviewRequested', orderId: order.id, score: 120, reasons: ['large_order', 'high_risk_country'], requestedAt: at }]);
  });

  it('is never decided by its own buyer (four eyes), whatever the decision, and stays undecided', () => {
    const order = anOrder().stored().awaitingFraudReview().build();
    const own = { by: order.buyerId, reason: 'Looks fine to me' };

    expect(refusal(() => order.approveFraudReview(own, at))).toMatchObject({ code: 'fraud_review_by_buyer', kind: 'forbidden' });
    expect(refusal(() => order.rejectFraudReview(own, at))).toMatchObject({ code: 'fraud_review_by_buyer' });
    expect(order.fraudReview?.decision).toBeUndefined();
  });

  it('on approval keeps the order in review until its payment is authorized, which approval now allows', () => {
    const order = anOrder().awaitingFraudReview().stored().build();

    order.approveFraudReview(anAnalystsDecision, at);
    expect(order.status).toBe('awaiting_fraud_review');
    expect(order.fraudReview).toMatchObject({ decision: 'approved', decidedAt: at, decidedBy: anAnalystsDecision.by, decisionReason: anAnalystsDecision.reason });
    expect(lastEventOf(order)).toEqual({ type: 'FraudReviewApproved', orderId: order.id, approvedAt: at, approvedBy: anAnalystsDecision.by, reason: anAnalystsDecision.reason });

    order.recordPaymentAuthorized('auth-9', at);
    expect(order.status).toBe('payment_authorized');
  });

  it('on rejection cancels the order as fraud_rejected, with nothing to void', () => {
    const order = anOrder().awaitingFraudReview().stored().build();

    order.rejectFraudReview(anAnalystsDecision, at);

    expect(order.status).toBe('cancelled');
    expect(order.cancellationReason).toBe('fraud_rejected');
    expect(order.pendingEvents).toEqual([
      { type: 'FraudReviewRejected', orderId: order.id, rejectedAt: at, rejectedBy: anAnalystsDecision.by, reason: anAnalystsDecision.reason },
      { type: 'OrderCancelled', orderId: order.id, reason: 'fraud_rejected', cancelledAt: at },
    ]);
  });

  it('refuses a payment while the review is undecided', () => {
    const order = anOrder().awaitingFraudReview().build();
    expect(refusal(() => order.recordPaymentAuthorized('auth-1', at))).toMatchObject({ code: 'fraud_review_undecided', kind: 'conflict' });
    expect(refusal(() => order.recordPaymentFailed('declined', at))).toMatchObject({ code: 'fraud_review_undecided' });
  });

  it.each([
    ['an order not in review', anOrder()],
    ['an order already approved', anOrder().awaitingFraudReview().reviewApproved()],
    ['a cancelled order', anOrder().awaitingFraudReview().cancelled()],
  ])('refuses to decide the review of %s', (_, builder) => {
    const order = builder.build();
    expect(refusal(() => order.approveFraudReview(anAnalystsDecision, at))).toMatchObject({ code: 'fraud_review_not_pending', kind: 'conflict' });
    expect(refusal(() => order.rejectFraudReview(anAnalystsDecision, at))).toMatchObject({ code: 'fraud_review_not_pending' });
  });

  it('cannot send an order to review twice, or once it is paid', () => {
    expect(refusal(() => anOrder().awaitingFraudReview().build().requireFraudReview(100, [], at))).toMatchObject({
      code: 'illegal_order_transition',
      from: 'awaiting_fraud_review',
      to: 'awaiting_fraud_review',
    });
    expect(refusal(() => anOrder().paymentAuthorized().build().requireFraudReview(100, [], at))).toMatchObject({ code: 'illegal_order_transition' });
  });
});

describe('Payment of an order', () => {
  it('records the authorization of the order total, with what the order is for (its lines and address)', () => {
    const order = anOrder()
      .withLines(aLine({ quantity: 3, unitPrice: money(1000, 'EUR') }))
      .stored()
      .build();

    order.recordPaymentAuthorized('auth-7', at);

    expect(order.status).toBe('payment_authorized');
    expect(order.payment).toEqual({ state: 'authorized', authorizationId: 'auth-7', at });
    expect(order.pendingEvents).toEqual([
      {
        type: 'PaymentAuthorized',
        orderId: order.id,
        buyerId: order.buyerId,
        authorizationId: 'auth-7',
        amount: money(3000, 'EUR'),
        lines: order.lines,
        shippingAddress: order.shippingAddress,
        authorizedAt: at,
      },
    ]);
  });

  it('is authorized at most once', () => {
    const order = anOrder().paymentAuthorized('auth-1').build();
    expect(refusal(() => order.recordPaymentAuthorized('auth-2', at))).toMatchObject({ code: 'payment_already_authorized', kind: 'conflict' });
    expect(refusal(() => anOrder().confirmed().build().recordPaymentAuthorized('auth-1', at))).toMatchObject({ code: 'payment_already_authorized' });
    expect(refusal(() => order.recordPaymentFailed('declined', at))).toMatchObject({ code: 'payment_already_authorized' });
  });

  it('cancels the order as payment_declined when the payment fails', () => {
    const order = anOrder().stored().build();

    order.recordPaymentFailed('declined', at);

    expect(order.status).toBe('cancelled');
    expect(order.cancellationReason).toBe('payment_declined');
    expect(order.payment).toEqual({ state: 'declined', reason: 'declined', at });
    expect(order.pendingEvents).toEqual([
      { type: 'PaymentFailed', orderId: order.id, reason: 'declined', failedAt: at },
      { type: 'OrderCancelled', orderId: order.id, reason: 'payment_declined', cancelledAt: at },
    ]);
  });

  it('takes no payment result for a cancelled order', () => {
    const order = anOrder().cancelled().build();
    expect(refusal(() => order.recordPaymentAuthorized('auth-1', at))).toMatchObject({ code: 'illegal_order_transition', from: 'cancelled', to: 'payment_authorized' });
    expect(refusal(() => order.recordPaymentFailed('declined', at))).toMatchObject({ code: 'order_already_cancelled' });
  });
});

describe('Confirming and completing an order', () => {
  it('confirms a paid order, then completes it once dispatched', () => {
    const order = anOrder().paymentAuthorized().stored().build();

    order.confirm(at);
    order.markDispatched(new Date('2026-11-22T08:00:00.000Z'));

    expect(order.status).toBe('completed');
    expect(order.pendingEvents).toEqual([
      { type: 'OrderConfirmed', orderId: order.id, confirmedAt: at },
      { type: 'OrderCompleted', orderId: order.id, completedAt: new Date('2026-11-22T08:00:00.000Z') },
    ]);
  });

  it.each([
    ['placed', anOrder()],
    ['awaiting_fraud_review', anOrder().awaitingFraudReview()],
    ['confirmed', anOrder().confirmed()],
    ['cancelled', anOrder().paymentAuthorized().cancelled()],
  ])('does not confirm an order that is %s', (from, builder) => {
    expect(refusal(() => builder.build().confirm(at))).toMatchObject({ code: 'illegal_order_transition', kind: 'conflict', from, to: 'confirmed' });
  });

  it.each([
    ['placed', anOrder()],
    ['payment_authorized', anOrder().paymentAuthorized()],
    ['completed', anOrder().completed()],
  ])('does not complete an order that is %s', (from, builder) => {
    expect(refusal(() => builder.build().markDispatched(at))).toMatchObject({ code: 'illegal_order_transition', from, to: 'completed' });
  });
});

describe('Cancelling an order', () => {
  it.each([
    ['placed', anOrder()],
    ['awaiting_fraud_review', anOrder().awaitingFraudReview()],
  ])('cancels a %s order with nothing to void', (_, builder) => {
    const order = builder.stored().build();

    order.cancel('buyer_cancelled', at);

    expect(order.status).toBe('cancelled');
    expect(order.pendingEvents).toEqual([{ type: 'OrderCancelled', orderId: order.id, reason: 'buyer_cancelled', cancelledAt: at }]);
  });

  it.each([
    ['payment_authorized', anOrder().paymentAuthorized('auth-5')],
    ['confirmed', anOrder().paymentAuthorized('auth-5').confirmed()],
  ])('cancels a %s order and says which authorization must be voided', (_, builder) => {
    const order = builder.stored().build();

    order.cancel('out_of_stock', at);

    expect(order.cancellationReason).toBe('out_of_stock');
    expect(order.pendingEvents).toEqual([{ type: 'OrderCancelled', orderId: order.id, reason: 'out_of_stock', cancelledAt: at, authorizationToVoid: 'auth-5' }]);
  });

  it('cannot be cancelled once dispatched', () => {
    expect(refusal(() => anOrder().completed().build().cancel('buyer_cancelled', at))).toMatchObject({
      code: 'order_already_dispatched',
      kind: 'conflict',
    });
  });

  it('cannot be cancelled twice', () => {
    expect(refusal(() => anOrder().cancelled('timed_out').build().cancel('buyer_cancelled', at))).toMatchObject({
      code: 'order_already_cancelled',
      kind: 'conflict',
    });
  });
});

describe('Restoring an order with its lifecycle facts', () => {
  it('brings back its review, payment and cancellation as they were', () => {
    const original = anOrder().awaitingFraudReview().reviewApproved().paymentAuthorized('auth-3').cancelled('timed_out').build();

    const restored = Order.restore(original.toState(), 6);

    expect(restored.toState()).toEqual(original.toState());
    expect([restored.status, restored.authorizationId, restored.cancellationReason]).toEqual(['cancelled', 'auth-3', 'timed_out']);
    expect(restored.pendingEvents).toHaveLength(0);
  });
});
