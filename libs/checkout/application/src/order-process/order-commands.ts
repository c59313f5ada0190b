import { isGatewayCommand, Order, OrderCommand, OrderId, OrderNotFound, OrderProcess, OrderProcesses, OrderProcessSettings, Orders, ProcessInput } from '@bazaar/checkout-domain';
import { assertNever, Clock, ConcurrencyConflict } from '@bazaar/shared-kernel';
import { asSaved } from './saved-process';

/** A piece of news for an order's process: what one of a consumer's messages tells it. */
export interface OrderNews {
  readonly orderId: OrderId;
  readonly input: ProcessInput;
}

/** A guard, far above any real chain (the longest is review → approve → authorize → confirm → complete). */
export const MAX_COMMANDS_PER_RUN = 10;

/**
 * Carries out the processes' order commands (confirm, complete, cancel, record a payment, …): each
 * applied to the Order and the process told `CommandCarriedOut`, both saved in the caller's unit of
 * work, so a command is never applied twice and the order never has to be asked whether it already
 * reflects one. Anything the order refuses is an error, not a skip.
 *
 * `takeNews`: news for many orders' processes (a consumer's transaction of messages), in a fixed
 * number of statements, whatever their number: the processes of all the news's orders in one read,
 * their orders in another; each process then decides on its news in arrival order, in memory, and
 * carries out the order commands that makes due, exactly as one message at a time would; what
 * changed is written set-based, the orders (with their events) and then the processes, each with
 * its version check. `carryOut`: the order commands due for one process, as the caller has it.
 *
 * Gateway calls are never made here: a gateway command at the head stops the carrying out, for the
 * caller to make the call once the unit of work has committed. Any refusal (a domain error) or lost
 * race (ConcurrencyConflict) fails the whole unit of work: nothing of it is written.
 */
export class OrderCommands {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly orders: Orders,
    private readonly clock: Clock,
    private readonly settings: OrderProcessSettings,
  ) {}

  /** Returns the orders with a gateway command due once this has committed. */
  async takeNews(news: readonly OrderNews[]): Promise<OrderId[]> {
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
      await this.carryOutDue(process, orders.get(orderId), changed);
    }
    await this.save(changed);
    const at = this.clock.now();
    return orderIds.filter((orderId) => {
      const command = processes.get(orderId)?.dueCommand(at);
      return command !== undefined && isGatewayCommand(command);
    });
  }

  /**
   * The order commands due for `process` (as read, or as the caller just decided or saved it: a
   * stale one fails the version check), one after another, and the order and the process saved.
   * `order`: as read before this unit of work, for a gateway call whose answer this records (stale,
   * it fails its version check, and a command it refuses is a conflict: both are retried from
   * fresh reads), else read now. Returns the process as saved.
   */
  async carryOut(process: OrderProcess, order?: Order): Promise<OrderProcess> {
    const changed: Changed = { processes: new Set([process]), orders: new Set() };
    await this.carryOutDue(process, order ?? (await this.orders.byId(process.orderId)), changed, order !== undefined);
    await this.save(changed);
    return asSaved(process);
  }

  /**
   * The order commands due now, one after another, until none is or a gateway command is next.
   * `orderReadBefore`: the order was read before this unit of work, and may be what is stale.
   */
  private async carryOutDue(process: OrderProcess, order: Order | undefined, changed: Changed, orderReadBefore = false): Promise<void> {
    for (let n = 0; n < MAX_COMMANDS_PER_RUN; n++) {
      const at = this.clock.now();
      const command = process.dueCommand(at);
      if (!command || isGatewayCommand(command)) return;
      if (!order) throw new OrderNotFound(process.orderId);
      try {
        applyToOrder(order, command, at);
      } catch (error) {
        // An order read before this unit of work may be what is stale: read both again.
        if (orderReadBefore) throw new ConcurrencyConflict('Order', process.orderId);
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

  /** Orders first, then processes: the order every carry-out writes them in, so two writers of one order wait rather than deadlock. */
  private async save(changed: Changed): Promise<void> {
    if (changed.orders.size > 0) await this.orders.saveAll([...changed.orders]);
    if (changed.processes.size > 0) await this.processes.saveAll([...changed.processes]);
  }
}

/** What the news changed: each written once, as it ends. */
interface Changed {
  readonly processes: Set<OrderProcess>;
  readonly orders: Set<Order>;
}

/** The order command as the Order's own command; what the order refuses throws. */
export function applyToOrder(order: Order, command: OrderCommand, at: Date): void {
  switch (command.type) {
    case 'RequireFraudReview':
      return order.requireFraudReview(command.score, command.reasons, at);
    case 'ApproveFraudReview':
      return order.approveFraudReview(command.attribution, at);
    case 'RejectFraudReview':
      return order.rejectFraudReview(command.attribution, at);
    case 'RecordPaymentAuthorized':
      return order.recordPaymentAuthorized(command.authorizationId, at);
    case 'RecordPaymentDeclined':
      return order.recordPaymentFailed(command.reason, at);
    case 'ConfirmOrder':
      return order.confirm(at);
    case 'CompleteOrder':
      return order.markDispatched(at);
    case 'CancelOrder':
      return order.cancel(command.reason, at);
    default:
      return assertNever(command);
  }
}
