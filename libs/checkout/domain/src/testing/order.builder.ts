import { money } from '@bazaar/shared-kernel';
import { Order, PlaceOrderInput } from '../order/order';
import { OrderId, orderId } from '../order/order-id';
import { RequestedLine } from '../order/order-line';
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

/** Test data for orders: `anOrder().withLines(aLine({ quantity: 3 })).build()`. */
export function anOrder(): OrderBuilder {
  return new OrderBuilder();
}

export class OrderBuilder {
  #input: PlaceOrderInput = {
    id: orderId('5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f'),
    buyerId: 'buyer-42',
    lines: [aLine(), aLine({ sku: 'TEA-EARL', quantity: 1, unitPrice: money(899, 'EUR') })],
    shippingAddress: anAddress(),
    paymentToken: 'tok_ok',
    placedAt: new Date('2026-11-21T09:30:00.000Z'),
  };

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

  /** The input `Order.place` receives, for tests of the rules themselves. */
  input(): PlaceOrderInput {
    return this.#input;
  }

  /** A freshly placed order, its `OrderPlaced` still pending. */
  build(): Order {
    return Order.place(this.#input);
  }

  private with(changes: Partial<PlaceOrderInput>): this {
    this.#input = { ...this.#input, ...changes };
    return this;
  }
}
