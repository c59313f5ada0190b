import { isGatewayCommand, Order, OrderId, OrderNotFound, OrderProcess, OrderProcesses, OrderProcessSettings, Orders, ProcessInput } from '@bazaar/checkout-domain';
import { Clock, ConcurrencyConflict } from '@bazaar/shared-kernel';
import { applyToOrder } from './order-commands';

/** A piece of news for an order's process: what one of a consumer's messages tells it. */
export interface OrderNews {
  readonly orderId: OrderId;
  readonly input: ProcessInput;
}

/** A guard, far above any real chain (the longest is review → approve → authorize → confirm → complete). */
export const MAX_COMMANDS_PER_RUN = 10;

/**
 * News for many orders' processes, taken together in the caller's unit of work (a consumer's
 * transaction of messages) in a fixed number of statements, whatever their number: the processes
 * of all the news's orders in one read, their orders in another; each process then decides on its
 * news in arrival order, in memory, and carries out the order commands that makes due (confirm,
 * complete, cancel) on its order, exactly as one message at a time would; what changed is written
 * set-based, the orders (with their events) and then the processes, each with its version check.
 *
 * Gateway calls are never made here: the orders whose head is one, due now, are returned, for the
 * caller to carry out once the unit of work has committed. Any refusal (a domain error) or lost race
 * (ConcurrencyConflict) fails the whole unit of work: nothing of it is written.
 */
export class OrderNewsBatch {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly orders: Orders,
    private readonly clock: Clock,
    private readonly settings: OrderProcessSettings,
  ) {}

  /** Returns the orders with a gateway command due once this has committed. */
  async take(news: readonly OrderNews[]): Promise<OrderId[]> {
    if (news.length === 0) return [];
    const orderIds = [...new Set(news.map((item) => item.orderId))];
    const processes = new Map((await this.processes.byIds(orderIds)).map((process) => [process.orderId, process]));
    const orders = new Map((await this.orders.byIds(orderIds)).map((order) => [order.id, order]));
    const changed: Changed = { processes: new Set(), orders: new Set() };
    for (const { orderId, input } of news) {
      // News for an order without a process (one Checkout does not know) is refused by the process's first step.
      const process = processes.get(orderId) ?? OrderProcess.begin(orderId, this.clock.now());
      processes.set(orderId, process);
      if (process.handle(input, this.clock.now(), this.settings)) changed.processes.add(process);
      await this.carryOutOrderCommands(process, orders.get(orderId), changed);
    }
    // Orders first, then processes: the order every carry-out writes them in, so two writers of one order wait rather than deadlock.
    if (changed.orders.size > 0) await this.orders.saveAll([...changed.orders]);
    if (changed.processes.size > 0) await this.processes.saveAll([...changed.processes]);
    const at = this.clock.now();
    return orderIds.filter((orderId) => {
      const command = processes.get(orderId)?.dueCommand(at);
      return command !== undefined && isGatewayCommand(command);
    });
  }

  /** The order commands due now, one after another, until none is or a gateway command is next. */
  private async carryOutOrderCommands(process: OrderProcess, order: Order | undefined, changed: Changed): Promise<void> {
    for (let n = 0; n < MAX_COMMANDS_PER_RUN; n++) {
      const at = this.clock.now();
      const command = process.dueCommand(at);
      if (!command || isGatewayCommand(command)) return;
      if (!order) throw new OrderNotFound(process.orderId);
      try {
        applyToOrder(order, command, at);
      } catch (error) {
        // The order moved on after the process was read (a runner alongside carried this command out
        // and committed in between): the process read is stale, so this is a conflict to retry from a
        // fresh read, not news to park. A process that has not moved means the order truly refuses.
        const stored = await this.processes.byId(process.orderId);
        if (stored && stored.version !== process.version) throw new ConcurrencyConflict('OrderProcess', process.orderId);
        throw error;
      }
      process.handle({ type: 'CommandCarriedOut', command: command.type }, at, this.settings);
      changed.orders.add(order);
      changed.processes.add(process);
    }
  }
}

/** What the news changed: each written once, as it ends. */
interface Changed {
  readonly processes: Set<OrderProcess>;
  readonly orders: Set<Order>;
}
