import { Cart, CartEvent, CartId, Carts, CartState } from '@bazaar/checkout-domain';
import { Transactional } from '@bazaar/shared-kernel/testing';
import { VersionedRows } from './versioned-rows';

export class InMemoryCarts extends Carts implements Transactional {
  readonly rows = new VersionedRows<CartState, CartEvent>('Cart');

  get savedEvents(): readonly CartEvent[] {
    return this.rows.events;
  }

  async byId(id: CartId): Promise<Cart | undefined> {
    const row = this.rows.get(id);
    return row && Cart.restore(row.state, row.version);
  }

  async save(cart: Cart): Promise<void> {
    this.rows.put(cart.id, cart.toState(), cart.version, cart.pendingEvents);
  }

  snapshot(): () => void {
    return this.rows.snapshot();
  }
}
