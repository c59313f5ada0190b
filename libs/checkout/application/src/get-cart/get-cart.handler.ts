import { CartNotFound } from '@bazaar/checkout-domain';
import { CartDetails, CartQueries } from '../ports/cart-queries';
import { GetCart } from './get-cart.query';

/** The cart, its lines and total; an unknown id is CartNotFound. */
export class GetCartHandler {
  constructor(private readonly carts: CartQueries) {}

  async execute(query: GetCart): Promise<CartDetails> {
    const cart = await this.carts.byId(query.cartId);
    if (!cart) throw new CartNotFound(query.cartId);
    return cart;
  }
}
