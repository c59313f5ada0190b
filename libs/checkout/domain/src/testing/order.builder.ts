import { money } from '@bazaar/shared-kernel';
import { Order, PlaceOrderInput } from '../order/order';
import { OrderId, orderId } from '../order/order-id';
import { RequestedLine } from '../order/order-line';
import { DirectCancellationReason } from '../order/order-status';
import { ShippingAddress } from '../order/shipping-address';

/** A line that passes every rule unless told otherwise. */
export function aLine(overrides: Partial<RequestedLine> = {}): RequestedLine {
  return { sku: 'MUG-BLUE', quantity: 2, unitPrice: money(1250, 'EUR'), ...overrides };
}

export const anAddress = (overrides: Partial<ShippingAddress> = {}): ShippingAddress => ({
  name: 'Ada Lovelace',
  line1: "12 St James's Square",
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  ...overrides,
});

/** Test data for orders: `anOrder().withLines(aLine({ quantity: 3 })).confirmed().build()`. */
export function anOrder(): OrderBuilder {
  return new OrderBuilder();
}

type Step = (order: Order, at: Date) => void;

/** The lifecycle shortcuts run the order's own commands, so every built order is one the model allows. */
/** Who decided a review in tests, and why: an analyst who is not the buyer. */
export const anAnalystsDecision = { by: 'analyst-1', reason: 'Known customer, confirmed by phone' } as const;

export class OrderBuilder {
  #input: PlaceOrderInput = {
    id: orderId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f'),
    buyerId: 'buyer-42',
    lines: [aLine(), aLine({ sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') })],
    shippingAddress: anAddress(),
    paymentToken: 'tok_ok',
    placedAt: new Date('2026-11-21T09:30:00.000Z'),
  };
  #steps: Step[] = [];
  #authorized = false;
  #stored = false;

  withId(id: string | OrderId): this {
    return this.with({ id: orderId(id) });
  }
  forBuyer(buyerId: string): this {
    return this.with({ buyerId });
  }
  withLines(...lines: RequestedLine[]): this {
    return this.with({ lines });
  }
  /** `count` distinct, valid lines. */
  withLineCount(count: number): this {
    return this.withLines(...Array.from({ length: count }, (_, i) => aLine({ sku: `SKU-${i + 1}`, quantity: 1 })));
  }
  shippedTo(shippingAddress: ShippingAddress): this {
    return this.with({ shippingAddress });
  }
  paidWith(paymentToken: string): this {
    return this.with({ paymentToken });
  }
  placedAt(placedAt: Date): this {
    return this.with({ placedAt });
  }

  awaitingFraudReview(score = 100, reasons: readonly string[] = ['large_order']): this {
    return this.then((order, at) => order.requireFraudReview(score, reasons, at));
  }
  reviewApproved(): this {
    return this.then((order, at) => order.approveFraudReview(anAnalystsDecision, at));
  }
  /** Rejection cancels the order (`fraud_rejected`). */
  reviewRejected(): this {
    return this.then((order, at) => order.rejectFraudReview(anAnalystsDecision, at));
  }
  /** A declined payment cancels the order (`payment_declined`). */
  paymentDeclined(reason = 'declined'): this {
    return this.then((order, at) => order.recordPaymentFailed(reason, at));
  }
  paymentAuthorized(authorizationId = 'auth-1'): this {
    this.#authorized = true;
    return this.then((order, at) => order.recordPaymentAuthorized(authorizationId, at));
  }
  confirmed(): this {
    if (!this.#authorized) this.paymentAuthorized();
    return this.then((order, at) => order.confirm(at));
  }
  completed(): this {
    return this.confirmed().then((order, at) => order.markDispatched(at));
  }
  cancelled(reason: DirectCancellationReason = 'buyer_cancelled'): this {
    return this.then((order, at) => order.cancel(reason, at));
  }
  /** Build it as loaded from the repository: version 1, no pending events. */
  stored(): this {
    this.#stored = true;
    return this;
  }

  /** The input `Order.place` receives, for tests of the rules themselves. */
  input(): PlaceOrderInput {
    return this.#input;
  }

  /** The order, every event of its history still pending unless `stored()`. */
  build(): Order {
    const order = Order.place(this.#input);
    this.#steps.forEach((step, i) => step(order, new Date(this.#input.placedAt.getTime() + (i + 1) * 60_000)));
    return this.#stored ? Order.restore(order.toState(), 1) : order;
  }

  private then(step: Step): this {
    this.#steps.push(step);
    return this;
  }

  private with(changes: Partial<PlaceOrderInput>): this {
    this.#input = { ...this.#input, ...changes };
    return this;
  }
}
