import { Cart, CartId, CartNotFound, Carts } from '@bazaar/checkout-domain';

export async function loadCart(carts: Carts, id: CartId): Promise<Cart> {
  const cart = await carts.byId(id);
  if (!cart) throw new CartNotFound(id);
  return cart;
}
