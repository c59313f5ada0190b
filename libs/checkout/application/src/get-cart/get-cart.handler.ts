import { cartId, Carts } from '@bazaar/checkout-domain';
import { loadCart } from '../shared/load-cart';
import { CartDetails, cartDetailsOf } from './cart-details';
import { GetCart } from './get-cart.query';

export class GetCartHandler {
  constructor(private readonly carts: Carts) {}

  async execute(query: GetCart): Promise<CartDetails> {
    return cartDetailsOf(await loadCart(this.carts, cartId(query.cartId)));
  }
}
