import { cartId, Carts } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { loadCart } from '../shared/load-cart';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { SetCartLine } from './set-cart-line.command';

/** Setting a line says what it should be, not what to add: replayed on a fresh load after a conflict, it means the same. */
export class SetCartLineHandler {
  constructor(
    private readonly carts: Carts,
    private readonly clock: Clock,
  ) {}

  execute({ cartId: id, sku, quantity, unitPrice }: SetCartLine): Promise<void> {
    return retryOnConflict(async () => {
      const cart = await loadCart(this.carts, cartId(id));
      cart.setLine({ sku, quantity, unitPrice }, this.clock.now());
      if (cart.pendingEvents.length > 0) await this.carts.save(cart);
    });
  }
}
