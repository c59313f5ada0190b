import { AggregateRoot, isCurrency, Money, money, multiplyMoney } from '@bazaar/shared-kernel';
import { Order } from '../order/order';
import { OrderId } from '../order/order-id';
import { checkLineCount, OrderLine, priceLine, RequestedLine, totalOf } from '../order/order-line';
import { ShippingAddress } from '../order/shipping-address';
import { CartEvent } from './cart-events';
import { CartId } from './cart-id';
import { InvalidCurrency } from '../order/order-errors';
import { CartAlreadyCheckedOut, CartIsEmpty, CartLineNotFound } from './cart-errors';

/** Everything a cart remembers; what the repository persists and restores. */
export interface CartState {
  readonly id: CartId;
  readonly buyerId: string;
  readonly currency: string;
  /** In the order the buyer first added them; one per SKU. */
  readonly lines: readonly RequestedLine[];
  readonly createdAt: Date;
  /** Set once, when the cart became an order. */
  readonly checkedOut?: { readonly orderId: OrderId; readonly at: Date };
}

export interface CheckOutInput {
  readonly orderId: OrderId;
  readonly paymentToken: string;
  readonly shippingAddress: ShippingAddress;
  readonly at: Date;
}

/**
 * A buyer's draft of an order, in one currency. Each edit is checked with the order's own line
 * rules (`order-line.ts`), and checking out places the order through `Order.place`, the same path
 * as express checkout, so a cart can never hold what an order would refuse.
 */
export class Cart extends AggregateRoot<CartEvent> {
  private constructor(
    private state: CartState,
    version: number,
  ) {
    super(version);
  }

  static create(input: { id: CartId; buyerId: string; currency: string; createdAt: Date }): Cart {
    if (!isCurrency(input.currency)) throw new InvalidCurrency(input.currency);
    const cart = new Cart({ ...input, lines: [] }, 0);
    cart.record({ type: 'CartCreated', cartId: input.id, buyerId: input.buyerId, currency: input.currency, createdAt: input.createdAt });
    return cart;
  }

  static restore(state: CartState, version: number): Cart {
    return new Cart(state, version);
  }

  /** Adds the line, or replaces the quantity and price of the line with that SKU. Setting it as it is changes nothing. */
  setLine(line: RequestedLine, at: Date): void {
    this.assertOpen();
    const { sku, quantity, unitPrice } = priceLine(line, this.currency);
    const index = this.state.lines.findIndex((existing) => existing.sku === sku);
    const current = this.state.lines[index];
    if (current && current.quantity === quantity && current.unitPrice.amount === unitPrice.amount) return;
    const lines = current ? this.state.lines.with(index, { sku, quantity, unitPrice }) : [...this.state.lines, { sku, quantity, unitPrice }];
    checkLineCount(lines.length);
    this.state = { ...this.state, lines };
    this.record({ type: 'CartLineSet', cartId: this.id, sku, quantity, unitPrice, at });
  }

  removeLine(sku: string, at: Date): void {
    this.assertOpen();
    if (!this.state.lines.some((line) => line.sku === sku)) throw new CartLineNotFound(this.id, sku);
    this.state = { ...this.state, lines: this.state.lines.filter((line) => line.sku !== sku) };
    this.record({ type: 'CartLineRemoved', cartId: this.id, sku, at });
  }

  /** Closes the cart and returns the order it became, its OrderPlaced pending; both are saved together. */
  checkOut({ orderId, paymentToken, shippingAddress, at }: CheckOutInput): Order {
    this.assertOpen();
    if (this.state.lines.length === 0) throw new CartIsEmpty(this.id);
    const order = Order.place({ id: orderId, buyerId: this.buyerId, lines: this.state.lines, shippingAddress, paymentToken, placedAt: at });
    this.state = { ...this.state, checkedOut: { orderId, at } };
    this.record({ type: 'CartCheckedOut', cartId: this.id, orderId, checkedOutAt: at });
    return order;
  }

  private assertOpen(): void {
    if (this.state.checkedOut) throw new CartAlreadyCheckedOut(this.id);
  }

  get id(): CartId {
    return this.state.id;
  }
  get buyerId(): string {
    return this.state.buyerId;
  }
  get currency(): string {
    return this.state.currency;
  }
  get status(): 'open' | 'checked_out' {
    return this.state.checkedOut ? 'checked_out' : 'open';
  }
  /** The order the cart became, once checked out. */
  get orderId(): OrderId | undefined {
    return this.state.checkedOut?.orderId;
  }
  get lines(): readonly OrderLine[] {
    return this.state.lines.map((line) => ({ ...line, lineTotal: multiplyMoney(line.unitPrice, line.quantity) }));
  }
  get total(): Money {
    return this.state.lines.length === 0 ? money(0, this.currency) : totalOf(this.lines, this.currency);
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }

  toState(): CartState {
    return this.state;
  }
}
