import { Order, OrderEvent, OrderId, Orders, OrderState } from '@bazaar/checkout-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';

/** Orders kept in a map, with the same version check as the real adapter and a log of saved events. */
export class InMemoryOrders extends Orders {
  readonly #rows = new Map<string, { state: OrderState; version: number }>();
  /** Every event saved with an order, in order: what the outbox would hold. */
  readonly savedEvents: OrderEvent[] = [];

  get count(): number {
    return this.#rows.size;
  }

  async byId(id: OrderId): Promise<Order | undefined> {
    const row = this.#rows.get(id);
    return row && Order.restore(row.state, row.version);
  }

  async save(order: Order): Promise<void> {
    const stored = this.#rows.get(order.id);
    if ((stored?.version ?? 0) !== order.version) throw new ConcurrencyConflict('Order', order.id);
    this.#rows.set(order.id, { state: stateOf(order), version: order.version + 1 });
    this.savedEvents.push(...order.pendingEvents);
  }
}

function stateOf(order: Order): OrderState {
  const { id, buyerId, status, lines, shippingAddress, paymentToken, placedAt } = order;
  return { id, buyerId, status, lines, shippingAddress, paymentToken, placedAt };
}
