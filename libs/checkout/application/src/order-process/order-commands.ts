import { isGatewayCommand, Order, OrderCommand, OrderId, OrderProcess, OrderProcesses, OrderProcessSettings, Orders } from '@bazaar/checkout-domain';
import { assertNever, Clock, ConcurrencyConflict } from '@bazaar/shared-kernel';
import { UnitOfWork } from '../ports/unit-of-work';
import { loadOrder } from '../shared/load-order';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { asSaved } from './saved-process';

/**
 * Carries out the process's order commands: in one unit of work, the command at the head of the
 * process (read afresh, or as the runner just saved it: a stale one fails the version check and is
 * read again) is applied to the Order and the process is told it was carried out. Both
 * commit together or not at all, so a command is never applied twice and the order never has to
 * be asked whether it already reflects one. Anything the order refuses is an error, not a skip.
 */
export class OrderCommands {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly orders: Orders,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly settings: OrderProcessSettings,
  ) {}

  /**
   * `changed` is false when the head is no order command due now (another runner carried it out
   * first). `current`: the process as the caller just saved it, and `loaded`: the order as the
   * caller read it (for the gateway call whose outcome this records), for the first attempt; a
   * retry reads both afresh.
   */
  carryOutHead(orderId: OrderId, current?: OrderProcess, loaded?: Order): Promise<{ process: OrderProcess | undefined; changed: boolean }> {
    return retryOnConflict((attempt) => (attempt === 1 ? this.carryOutHeadWithin(orderId, current, loaded) : this.carryOutHeadWithin(orderId)));
  }

  /**
   * The same without retrying, in a unit of work of its own. `current`, when given, stands for the
   * read of the process: what the caller just saved (a stale one fails the version check, or the
   * check below). `loaded`, when given, stands for the read of the order, in the same way: the
   * order's save checks its version, and a command it refuses is tried again on a fresh read.
   * Returns the process as saved.
   */
  private async carryOutHeadWithin(orderId: OrderId, current?: OrderProcess, loaded?: Order): Promise<{ process: OrderProcess | undefined; changed: boolean }> {
    return this.unitOfWork.run(async () => {
      const process = current ?? (await this.processes.byId(orderId));
      const at = this.clock.now();
      const command = process?.dueCommand(at);
      if (!process || !command || isGatewayCommand(command)) return { process, changed: false };
      const order = loaded ?? (await loadOrder(this.orders, orderId));
      try {
        applyToOrder(order, command, at);
      } catch (error) {
        // An order read before this unit of work may be what is stale: read both again.
        if (loaded) throw new ConcurrencyConflict('Order', orderId);
        // The order moved on after the process was read (another runner carried this command out
        // and committed in between): the process is stale, so this is a conflict to retry from a
        // fresh read, not news to park. A process that has not moved means the order truly refuses.
        const stored = await this.processes.byId(orderId);
        if (stored && stored.version !== process.version) throw new ConcurrencyConflict('OrderProcess', orderId);
        throw error;
      }
      process.handle({ type: 'CommandCarriedOut', command: command.type }, at, this.settings);
      await this.orders.save(order);
      await this.processes.save(process);
      return { process: asSaved(process), changed: true };
    });
  }
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
