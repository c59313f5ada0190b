import { cartId, Carts } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { loadCart } from '../shared/load-cart';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { RemoveCartLine } from './remove-cart-line.command';

export class RemoveCartLineHandler {
  constructor(
    private readonly carts: Carts,
    private readonly clock: Clock,
  ) {}

  execute({ cartId: id, sku }: RemoveCartLine): Promise<void> {
    return retryOnConflict(async () => {
      const cart = await loadCart(this.carts, cartId(id));
      cart.removeLine(sku, this.clock.now());
      await this.carts.save(cart);
    });
  }
}
