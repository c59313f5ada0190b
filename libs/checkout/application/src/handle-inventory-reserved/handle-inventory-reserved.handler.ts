import { orderId } from '@bazaar/checkout-domain';
import { InboxIntake, OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleInventoryReserved } from './handle-inventory-reserved.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. What the consumer runs, and the specs. */
export class HandleInventoryReservedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  /** `intake`: a consumer's inbox: the decision and the order commands it makes due commit with the message's mark. */
  execute(command: HandleInventoryReserved, intake?: InboxIntake): Promise<void> {
    return this.runner.take(orderId(command.orderId), { type: 'InventoryReserved' }, intake);
  }
}
