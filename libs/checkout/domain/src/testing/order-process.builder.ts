import { FraudAssessment } from '../fraud/fraud-policy';
import { OrderId, orderId } from '../order/order-id';
import { OrderProcess } from '../order-process/order-process';
import { defaultOrderProcessSettings, OrderProcessSettings } from '../order-process/order-process-settings';
import { ProcessInput } from '../order-process/process-input';

export const aPassingAssessment: FraudAssessment = { score: 0, reasons: [], verdict: 'pass' };
export const aReviewAssessment: FraudAssessment = { score: 100, reasons: ['large_order'], verdict: 'review' };

/**
 * Test data for order processes, reached through the process's own decisions (`handle`), so every
 * state is one the process can really be in: `anOrderProcess().awaitingInventory().build()`.
 * Each input happens one minute after the previous one, from `startedAt`.
 */
export function anOrderProcess(): OrderProcessBuilder {
  return new OrderProcessBuilder();
}

export class OrderProcessBuilder {
  #orderId: OrderId = orderId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f');
  #inputs: ProcessInput[] = [];
  #settings: OrderProcessSettings = defaultOrderProcessSettings;
  readonly startedAt = new Date('2026-11-21T09:30:00.000Z');

  forOrder(id: string | OrderId): this {
    this.#orderId = orderId(id);
    return this;
  }
  withSettings(settings: OrderProcessSettings): this {
    this.#settings = settings;
    return this;
  }
  after(...inputs: ProcessInput[]): this {
    this.#inputs.push(...inputs);
    return this;
  }

  authorizing(): this {
    return this.after({ type: 'Screened', assessment: aPassingAssessment });
  }
  awaitingFraudReview(): this {
    return this.after({ type: 'Screened', assessment: aReviewAssessment }, { type: 'CommandCarriedOut', command: 'RequireFraudReview' });
  }
  awaitingInventory(authorizationId = 'auth-1'): this {
    return this.authorizing().after({ type: 'PaymentAuthorized', authorizationId }, { type: 'CommandCarriedOut', command: 'RecordPaymentAuthorized' });
  }
  confirmed(): this {
    return this.awaitingInventory().after({ type: 'InventoryReserved' }, { type: 'CommandCarriedOut', command: 'ConfirmOrder' });
  }
  completed(): this {
    return this.confirmed().after({ type: 'ShipmentDispatched' }, { type: 'CommandCarriedOut', command: 'CompleteOrder' });
  }

  /** The time of the `n`-th input (1-based); `timeOf(0)` is when the process began. */
  timeOf(n: number): Date {
    return new Date(this.startedAt.getTime() + n * 60_000);
  }

  /** The process as loaded from its repository (version 1). */
  build(): OrderProcess {
    const process = OrderProcess.begin(this.#orderId, this.startedAt);
    this.#inputs.forEach((input, i) => process.handle(input, this.timeOf(i + 1), this.#settings));
    return OrderProcess.restore(process.toState(), 1);
  }
}
