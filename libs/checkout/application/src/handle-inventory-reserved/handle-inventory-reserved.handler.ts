import { orderId } from '@bazaar/checkout-domain';
import { Intake, OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleInventoryReserved } from './handle-inventory-reserved.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. What the consumer runs, and the specs. */
export class HandleInventoryReservedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  /** `intake`: a consumer's inbox, so the decision commits with the message's mark. */
  execute(command: HandleInventoryReserved, intake?: Intake): Promise<void> {
    return this.runner.tell(orderId(command.orderId), { type: 'InventoryReserved' }, intake);
  }
}
