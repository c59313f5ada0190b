import { Cart } from './cart';
import { CartId } from './cart-id';

/** The collection of all carts. Saving writes the cart and its pending events atomically. */
export abstract class Carts {
  abstract byId(id: CartId): Promise<Cart | undefined>;
  /** Inserts a new cart or updates a loaded one; a stale version throws ConcurrencyConflict. */
  abstract save(cart: Cart): Promise<void>;
}
