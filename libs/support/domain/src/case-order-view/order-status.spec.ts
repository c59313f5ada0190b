import { StatusEvidence, statusFrom } from './order-status';
import { paymentStateOf, unknownPayment } from './payment';
import { withReservation } from './reservation';

const nothing: StatusEvidence = { cancellation: null, completedAt: null, confirmedAt: null, paymentAuthorizedAt: null, fraudReviewSeen: false };
const at = '2026-11-21T10:00:00.000Z';
const cancelled = (paymentWasAuthorized: boolean, authorizationVoided = paymentWasAuthorized) =>
  ({ reason: 'buyer_cancelled', cancelledAt: at, paymentWasAuthorized, authorizationVoided }) as const;

describe('what Support derives from the facts it has seen', () => {
  it('takes the order’s status from the furthest milestone seen, not from the last fact to arrive', () => {
    expect(statusFrom(nothing)).toBe('placed');
    expect(statusFrom({ ...nothing, fraudReviewSeen: true })).toBe('awaiting_fraud_review');
    expect(statusFrom({ ...nothing, fraudReviewSeen: true, paymentAuthorizedAt: at })).toBe('payment_authorized');
    expect(statusFrom({ ...nothing, paymentAuthorizedAt: at, confirmedAt: at })).toBe('confirmed');
    // A confirmation seen without its payment (still on its way) is still a confirmed order.
    expect(statusFrom({ ...nothing, confirmedAt: at })).toBe('confirmed');
    expect(statusFrom({ ...nothing, confirmedAt: at, completedAt: at })).toBe('completed');
  });

  it('keeps a cancelled order cancelled, whatever else was seen', () => {
    expect(statusFrom({ cancellation: cancelled(true), completedAt: at, confirmedAt: at, paymentAuthorizedAt: at, fraudReviewSeen: true })).toBe('cancelled');
  });

  it.each([
    ['nothing is known yet', unknownPayment, null, 'pending'],
    ['the gateway authorized it', { ...unknownPayment, authorizedAt: at }, null, 'authorized'],
    ['the gateway declined it', { ...unknownPayment, failureReason: 'declined', failedAt: at }, null, 'failed'],
    ['the order was cancelled and the authorization voided', { ...unknownPayment, authorizedAt: at }, cancelled(true), 'voided'],
    ['the cancellation voided an authorization not seen yet', unknownPayment, cancelled(true), 'voided'],
    ['the cancellation says it was authorized, not voided', unknownPayment, cancelled(true, false), 'authorized'],
    ['the order ended before any payment', unknownPayment, cancelled(false), 'none'],
    ['it was declined and the order cancelled', { ...unknownPayment, failedAt: at, failureReason: 'declined' }, cancelled(false), 'failed'],
  ] as const)('shows the payment %s', (_case, payment, cancellation, state) => {
    expect(paymentStateOf(payment, cancellation)).toBe(state);
  });

  it('shows a reservation that holds stock over a failed one, whichever answer was seen first', () => {
    const reserved = { status: 'reserved', lines: [{ sku: 'MUG-BLUE', quantity: 2 }], reservedAt: at } as const;
    const failed = { status: 'failed', unavailable: [{ sku: 'MUG-BLUE', requested: 2, available: 0, reason: 'insufficient_stock' }], failedAt: at } as const;

    expect(withReservation(withReservation(null, failed), reserved)).toBe(reserved);
    expect(withReservation(withReservation(null, reserved), failed)).toBe(reserved);
    expect(withReservation(failed, { ...failed, failedAt: '2026-11-21T11:00:00.000Z' })).toBe(failed);
  });
});
