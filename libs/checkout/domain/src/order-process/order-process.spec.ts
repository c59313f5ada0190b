import { anAnalystsDecision } from '../testing/order.builder';
import { anOrderProcess, aPassingAssessment, aReviewAssessment } from '../testing/order-process.builder';
import { OrderProcess } from './order-process';
import { defaultOrderProcessSettings } from './order-process-settings';
import { ProcessInput } from './process-input';
import { orderId } from '../order/order-id';

const settings = defaultOrderProcessSettings;
const at = new Date('2026-11-21T12:00:00.000Z');

function when(process: OrderProcess, input: ProcessInput, time = at): OrderProcess {
  process.handle(input, time, settings);
  return process;
}

describe('Starting an order process', () => {
  it('begins in screening with nothing to do yet', () => {
    const process = OrderProcess.begin(orderId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f'), at);

    expect([process.step, process.pending, process.attempts, process.dueAt, process.version]).toEqual(['screening', [], 0, undefined, 0]);
  });
});

describe('Screening decides the way on', () => {
  it('given a screening that passes, then the process authorizes the payment at once', () => {
    const process = when(anOrderProcess().build(), { type: 'Screened', assessment: aPassingAssessment });

    expect(process.step).toBe('authorizing');
    expect(process.pending).toEqual([{ type: 'AuthorizePayment' }]);
    expect(process.dueCommand(at)).toEqual({ type: 'AuthorizePayment' });
  });

  it('given a screening that asks for review, then the order is sent to review with the score and reasons', () => {
    const process = when(anOrderProcess().build(), { type: 'Screened', assessment: { score: 150, reasons: ['large_order', 'buyer_velocity'], verdict: 'review' } });

    expect(process.step).toBe('awaiting_fraud_review');
    expect(process.pending).toEqual([{ type: 'RequireFraudReview', score: 150, reasons: ['large_order', 'buyer_velocity'] }]);
  });

  it('given an order already screened, when screened again, then nothing new is decided', () => {
    const process = anOrderProcess().authorizing().build();

    expect(process.handle({ type: 'Screened', assessment: aReviewAssessment }, at, settings)).toBe(false);
    expect(process.step).toBe('authorizing');
  });
});

describe('A risk analyst decides a review', () => {
  it('given approval, then the order records the approval and then the payment is authorized', () => {
    const process = when(anOrderProcess().awaitingFraudReview().build(), { type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision });

    expect(process.step).toBe('authorizing');
    expect(process.pending).toEqual([{ type: 'ApproveFraudReview', attribution: anAnalystsDecision }, { type: 'AuthorizePayment' }]);
  });

  it('given rejection, then the order records it (which cancels it) and the process ends cancelled', () => {
    const process = when(anOrderProcess().awaitingFraudReview().build(), { type: 'FraudReviewDecided', decision: 'rejected', attribution: anAnalystsDecision });
    expect([process.step, process.pending, process.cancellationReason]).toEqual(['cancelling', [{ type: 'RejectFraudReview', attribution: anAnalystsDecision }], 'fraud_rejected']);

    when(process, { type: 'CommandCarriedOut', command: 'RejectFraudReview' });
    expect([process.step, process.pending]).toEqual(['cancelled', []]);
  });

  it('given a decision that arrives before the review was recorded on the order, then the review is recorded first', () => {
    const process = when(anOrderProcess().after({ type: 'Screened', assessment: aReviewAssessment }).build(), {
      type: 'FraudReviewDecided',
      decision: 'approved',
      attribution: anAnalystsDecision,
    });

    expect(process.pending.map((command) => command.type)).toEqual(['RequireFraudReview', 'ApproveFraudReview', 'AuthorizePayment']);
  });

  it('given the same decision twice, then the second decides nothing new', () => {
    const process = when(anOrderProcess().awaitingFraudReview().build(), { type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision });

    expect(process.handle({ type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision }, at, settings)).toBe(false);
  });

  it.each([
    ['the other decision after a decision', anOrderProcess().awaitingFraudReview().after({ type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision })],
    ['an order that was never sent to review', anOrderProcess().authorizing()],
    ['an order the buyer cancelled during review', anOrderProcess().awaitingFraudReview().after({ type: 'BuyerCancelled' })],
  ])('refuses %s (409 fraud_review_not_pending)', (_, builder) => {
    expect(() => builder.build().handle({ type: 'FraudReviewDecided', decision: 'rejected', attribution: anAnalystsDecision }, at, settings)).toThrow(
      expect.objectContaining({ code: 'fraud_review_not_pending', kind: 'conflict' }),
    );
  });
});

describe('The gateway answers the authorization', () => {
  it('given an authorization, then the order records it and waits for inventory until authorizedAt + the reservation timeout', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'PaymentAuthorized', authorizationId: 'auth-1' });

    expect([process.step, process.pending, process.authorizationId]).toEqual(['awaiting_inventory', [{ type: 'RecordPaymentAuthorized', authorizationId: 'auth-1' }], 'auth-1']);
    expect(process.deadline).toEqual(new Date(at.getTime() + settings.reservationTimeoutMs));
  });

  it('given a declined payment, then the order records it (which cancels the order) and the process ends cancelled once it has', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'PaymentDeclined', reason: 'declined' });
    expect([process.step, process.pending, process.cancellationReason]).toEqual(['cancelling', [{ type: 'RecordPaymentDeclined', reason: 'declined' }], 'payment_declined']);

    when(process, { type: 'CommandCarriedOut', command: 'RecordPaymentDeclined' });

    expect([process.step, process.pending]).toEqual(['cancelled', []]);
  });

  it('given the buyer cancels before the authorization was recorded on the order, then it never is: the order is cancelled and the authorization voided', () => {
    const process = when(anOrderProcess().authorizing().build(), { type: 'PaymentAuthorized', authorizationId: 'auth-1' });

    when(process, { type: 'BuyerCancelled' });

    expect(process.pending).toEqual([
      { type: 'CancelOrder', reason: 'buyer_cancelled' },
      { type: 'VoidAuthorization', authorizationId: 'auth-1' },
    ]);
  });

  it('given the same authorization twice, then the second decides nothing new', () => {
    const process = anOrderProcess().awaitingInventory('auth-1').build();

    expect(process.handle({ type: 'PaymentAuthorized', authorizationId: 'auth-1' }, at, settings)).toBe(false);
  });

  it('given an authorization for an order not yet screened, then it is refused as impossible', () => {
    expect(() => anOrderProcess().build().handle({ type: 'PaymentAuthorized', authorizationId: 'auth-1' }, at, settings)).toThrow(
      expect.objectContaining({ code: 'unexpected_order_process_input' }),
    );
  });
});

describe('Acknowledging carried-out commands', () => {
  it('given the head command done, then the next one is due at once', () => {
    const process = when(anOrderProcess().awaitingFraudReview().build(), { type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision });

    when(process, { type: 'CommandCarriedOut', command: 'ApproveFraudReview' }, new Date('2026-11-21T12:00:05.000Z'));

    expect(process.pending).toEqual([{ type: 'AuthorizePayment' }]);
    expect(process.dueAt).toEqual(new Date('2026-11-21T12:00:05.000Z'));
  });

  it('given an acknowledgement of a command that is not at the head (a repeat), then nothing new', () => {
    const process = anOrderProcess().confirmed().build();

    expect(process.handle({ type: 'CommandCarriedOut', command: 'ConfirmOrder' }, at, settings)).toBe(false);
  });
});
