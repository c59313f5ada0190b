import { Order, OrderEvent, OrderId, Orders, OrderState } from '@bazaar/checkout-domain';
import { Transactional } from '@bazaar/shared-kernel/testing';
import { VersionedRows } from './versioned-rows';

/** Orders kept in a map, with the same version check as the real adapter and a log of saved events. */
export class InMemoryOrders extends Orders implements Transactional {
  readonly rows = new VersionedRows<OrderState, OrderEvent>('Order');

  get count(): number {
    return this.rows.size;
  }

  /** Every event saved with an order, in order: what the outbox would hold. */
  get savedEvents(): readonly OrderEvent[] {
    return this.rows.events;
  }

  async byId(id: OrderId): Promise<Order | undefined> {
    const row = this.rows.get(id);
    return row && Order.restore(row.state, row.version);
  }

  async save(order: Order): Promise<void> {
    this.rows.put(order.id, order.toState(), order.version, order.pendingEvents);
  }

  async byIds(ids: readonly OrderId[]): Promise<Order[]> {
    const orders = await Promise.all(ids.map((id) => this.byId(id)));
    return orders.filter((order) => order !== undefined);
  }

  async saveAll(orders: readonly Order[]): Promise<void> {
    this.rows.putAll(orders.map((order) => ({ id: order.id, state: order.toState(), loadedVersion: order.version, events: order.pendingEvents })));
  }

  all(): Order[] {
    return this.rows.states().map((state) => Order.restore(state, 0));
  }

  snapshot(): () => void {
    return this.rows.snapshot();
  }
}
