import { Cart } from '../cart/cart';
import { CartId, cartId } from '../cart/cart-id';
import { orderId } from '../order/order-id';
import { RequestedLine } from '../order/order-line';
import { aLine, anAddress } from './order.builder';

/** Test data for carts: `aCart().withLines(aLine()).stored().build()`. */
export function aCart(): CartBuilder {
  return new CartBuilder();
}

export class CartBuilder {
  #id: CartId = cartId('0c4b8a6e-3f2d-4e1a-9b7c-5d6e7f8a9b0c');
  #buyerId = 'buyer-42';
  #currency = 'EUR';
  #lines: RequestedLine[] = [aLine()];
  #checkedOut = false;
  #stored = false;
  readonly createdAt = new Date('2026-11-21T09:00:00.000Z');

  withId(id: string): this {
    this.#id = cartId(id);
    return this;
  }
  forBuyer(buyerId: string): this {
    this.#buyerId = buyerId;
    return this;
  }
  inCurrency(currency: string): this {
    this.#currency = currency;
    return this;
  }
  withLines(...lines: RequestedLine[]): this {
    this.#lines = lines;
    return this;
  }
  empty(): this {
    return this.withLines();
  }
  checkedOut(): this {
    this.#checkedOut = true;
    return this;
  }
  /** Build it as loaded from the repository: version 1, no pending events. */
  stored(): this {
    this.#stored = true;
    return this;
  }

  build(): Cart {
    const cart = Cart.create({ id: this.#id, buyerId: this.#buyerId, currency: this.#currency, createdAt: this.createdAt });
    const at = new Date(this.createdAt.getTime() + 60_000);
    this.#lines.forEach((line) => cart.setLine(line, at));
    if (this.#checkedOut) {
      cart.checkOut({ orderId: orderId('9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'), paymentToken: 'tok_ok', shippingAddress: anAddress(), at });
    }
    return this.#stored ? Cart.restore(cart.toState(), 1) : cart;
  }
}
