import { Order } from './order';
import { OrderId } from './order-id';

/** The collection of all orders. Saving writes the order and its pending events atomically. */
export abstract class Orders {
  abstract byId(id: OrderId): Promise<Order | undefined>;
  /** Inserts a new order or updates a loaded one; a stale version throws ConcurrencyConflict. */
  abstract save(order: Order): Promise<void>;
  /** These orders, in one read; an id without an order is left out. */
  abstract byIds(ids: readonly OrderId[]): Promise<Order[]>;
  /** Saves them all with their events, set-based, each with its version check: a stale one throws ConcurrencyConflict and none is saved. */
  abstract saveAll(orders: readonly Order[]): Promise<void>;

  /**
   * The order as its save left it in the repository once the unit of work committed: the same
   * state at the next version, no pending events. Going on with it saves reading back what was
   * just written; were it changed meanwhile, its next save fails the version check.
   */
  saved(order: Order): Order {
    return Order.restore(order.toState(), order.version + 1);
  }
}
