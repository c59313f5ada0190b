import { Order, OrderCommand, OrderId, OrderNotFound, Orders } from '@bazaar/checkout-domain';
import { assertNever, Clock } from '@bazaar/shared-kernel';
import { retryOnConflict } from '../shared/retry-on-conflict';

/**
 * Carries out the process's order commands, one transaction on the Order each. A command the
 * order already reflects (carried out before a crash kept the process from hearing so) is done;
 * anything else the order refuses is an error, not a skip.
 */
export class OrderCommands {
  constructor(
    private readonly orders: Orders,
    private readonly clock: Clock,
  ) {}

  carryOut(orderId: OrderId, command: OrderCommand): Promise<void> {
    return retryOnConflict(async () => {
      const order = await this.orders.byId(orderId);
      if (!order) throw new OrderNotFound(orderId);
      if (alreadyDone(order, command)) return;
      apply(order, command, this.clock.now());
      await this.orders.save(order);
    });
  }
}

function apply(order: Order, command: OrderCommand, at: Date): void {
  switch (command.type) {
    case 'RequireFraudReview':
      return order.requireFraudReview(command.score, command.reasons, at);
    case 'ApproveFraudReview':
      return order.approveFraudReview(command.attribution, at);
    case 'RejectFraudReview':
      return order.rejectFraudReview(command.attribution, at);
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

function alreadyDone(order: Order, command: OrderCommand): boolean {
  switch (command.type) {
    case 'RequireFraudReview':
      return order.fraudReview !== undefined;
    case 'ApproveFraudReview':
      return order.fraudReview?.decision === 'approved';
    case 'RejectFraudReview':
      return order.fraudReview?.decision === 'rejected';
    case 'ConfirmOrder':
      return order.status === 'confirmed' || order.status === 'completed';
    case 'CompleteOrder':
      return order.status === 'completed';
    case 'CancelOrder':
      return order.status === 'cancelled';
    default:
      return assertNever(command);
  }
}
