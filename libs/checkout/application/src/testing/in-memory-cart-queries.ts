import { cartId } from '@bazaar/checkout-domain';
import { CartDetails, CartQueries } from '../ports/cart-queries';
import { InMemoryCarts } from './in-memory-carts';

/** Answers from the fake carts, as the real adapter does from the carts table. */
export class InMemoryCartQueries extends CartQueries {
  constructor(private readonly carts: InMemoryCarts) {
    super();
  }

  async byId(id: string): Promise<CartDetails | undefined> {
    const cart = await this.carts.byId(cartId(id));
    if (!cart) return undefined;
    const { buyerId, currency, status, lines, total, orderId, createdAt } = cart;
    return { cartId: cart.id, buyerId, currency, status, lines, total, ...(orderId && { orderId }), createdAt };
  }
}
