import { AggregateRoot, Money } from '@bazaar/shared-kernel';
import { OrderEvent } from './order-events';
import { OrderId } from './order-id';
import { OrderLine, priceLines, RequestedLine, totalOf } from './order-line';
import { OrderStatus } from './order-status';
import { ShippingAddress } from './shipping-address';

/** Everything the order remembers; what the repository persists and restores. */
export interface OrderState {
  readonly id: OrderId;
  readonly buyerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly shippingAddress: ShippingAddress;
  /** A reference to the buyer's payment method at the gateway, never card data. */
  readonly paymentToken: string;
  readonly placedAt: Date;
}

export interface PlaceOrderInput {
  readonly id: OrderId;
  readonly buyerId: string;
  readonly lines: readonly RequestedLine[];
  readonly shippingAddress: ShippingAddress;
  readonly paymentToken: string;
  readonly placedAt: Date;
}

/** The buyer's intent to buy these lines, shipped there, paid with that token. */
export class Order extends AggregateRoot<OrderEvent> {
  private constructor(
    private readonly state: OrderState,
    version: number,
  ) {
    super(version);
  }

  /** Express checkout: the order exists once its lines pass every rule. */
  static place(input: PlaceOrderInput): Order {
    const { lines, total } = priceLines(input.lines);
    const order = new Order({ ...input, lines, status: 'placed' }, 0);
    order.record({
      type: 'OrderPlaced',
      orderId: input.id,
      buyerId: input.buyerId,
      lines,
      total,
      shippingAddress: input.shippingAddress,
      placedAt: input.placedAt,
    });
    return order;
  }

  /** Rebuilds a stored order; rules are not re-checked, because stored orders obeyed the rules of their day. */
  static restore(state: OrderState, version: number): Order {
    return new Order(state, version);
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
    return this.state.lines[0]!.unitPrice.currency;
  }
  get shippingAddress(): ShippingAddress {
    return this.state.shippingAddress;
  }
  get paymentToken(): string {
    return this.state.paymentToken;
  }
  get placedAt(): Date {
    return this.state.placedAt;
  }
}
