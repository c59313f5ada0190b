import { Order } from './order';
import { OrderId } from './order-id';

/** The collection of all orders. Saving writes the order and its pending events atomically. */
export abstract class Orders {
  abstract byId(id: OrderId): Promise<Order | undefined>;
  /** Inserts a new order or updates a loaded one; a stale version throws ConcurrencyConflict. */
  abstract save(order: Order): Promise<void>;
}
