import { OrderId } from '../order/order-id';
import { OrderProcess } from './order-process';

/** The processes of all orders, one per order (keyed by the order's id). */
export abstract class OrderProcesses {
  abstract byId(orderId: OrderId): Promise<OrderProcess | undefined>;
  /** Inserts a new process or updates a loaded one; a stale version throws ConcurrencyConflict. */
  abstract save(process: OrderProcess): Promise<void>;
  /** The processes of these orders, in one read; an order without one is left out. */
  abstract byIds(orderIds: readonly OrderId[]): Promise<OrderProcess[]>;
  /** Saves them all, set-based, each with its version check: a stale one throws ConcurrencyConflict and none is saved. */
  abstract saveAll(processes: readonly OrderProcess[]): Promise<void>;
  /** Processes awaiting inventory whose reservation deadline is at or before `at`, oldest first. */
  abstract withDeadlineBy(at: Date, limit: number): Promise<OrderId[]>;
  /** Processes with a pending command due at or before `at` (`dueAt`), oldest first. */
  abstract withCommandsDueBy(at: Date, limit: number): Promise<OrderId[]>;
}
