import { anAnalystsDecision } from '../testing/order.builder';
import { anOrderProcess, aPassingAssessment } from '../testing/order-process.builder';
import { defaultOrderProcessSettings } from './order-process-settings';
import { ProcessInput } from './process-input';

const settings = defaultOrderProcessSettings;
const muchLater = new Date('2026-12-31T00:00:00.000Z');

const states = {
  screening: () => anOrderProcess(),
  awaiting_fraud_review: () => anOrderProcess().awaitingFraudReview(),
  authorizing: () => anOrderProcess().authorizing(),
  awaiting_inventory: () => anOrderProcess().awaitingInventory(),
  confirmed: () => anOrderProcess().confirmed(),
  completed: () => anOrderProcess().completed(),
  cancelled: () => anOrderProcess().authorizing().after({ type: 'PaymentDeclined', reason: 'declined' }, { type: 'CommandCarriedOut', command: 'RecordPaymentDeclined' }),
};

const news: ProcessInput[] = [
  { type: 'Screened', assessment: aPassingAssessment },
  { type: 'FraudReviewDecided', decision: 'approved', attribution: anAnalystsDecision },
  { type: 'FraudReviewDecided', decision: 'rejected', attribution: anAnalystsDecision },
  { type: 'PaymentAuthorized', authorizationId: 'auth-1' },
  { type: 'PaymentDeclined', reason: 'declined' },
  { type: 'InventoryReserved' },
  { type: 'InventoryReservationFailed' },
  { type: 'DeadlineReached' },
  { type: 'ShipmentDispatched' },
  { type: 'BuyerCancelled' },
];

const cases = Object.entries(states).flatMap(([step, state]) => news.map((input) => ({ step, input, state })));

describe('The same news twice decides nothing new', () => {
  it.each(cases)('$step, $input.type', ({ state, input }) => {
    const process = state().build();
    try {
      process.handle(input, muchLater, settings);
    } catch {
      return; // refused the first time: nothing was decided to repeat
    }
    const before = process.toState();

    expect(process.handle(input, muchLater, settings)).toBe(false);
    expect(process.toState()).toBe(before);
  });
});
