import { orderId, OrderProcesses } from '@bazaar/checkout-domain';
import { Clock } from '@bazaar/shared-kernel';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { AuthorizePayment } from './authorize-payment.command';

/**
 * One authorization attempt and what follows from it. Whether one is due, and when to retry after
 * a transient failure, is the process's decision; an order is never authorized twice, because the
 * attempt is skipped once the order holds an answer and the gateway answers an order id once.
 */
export class AuthorizePaymentHandler {
  constructor(
    private readonly processes: OrderProcesses,
    private readonly runner: OrderProcessRunner,
    private readonly clock: Clock,
  ) {}

  /** Returns whether an attempt was due (and made). */
  async execute(command: AuthorizePayment): Promise<boolean> {
    const id = orderId(command.orderId);
    const process = await this.processes.byId(id);
    if (process?.dueCommand(this.clock.now())?.type !== 'AuthorizePayment') return false;
    await this.runner.carryOut(id);
    return true;
  }
}
