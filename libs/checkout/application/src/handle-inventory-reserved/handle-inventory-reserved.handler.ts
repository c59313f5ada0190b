import { orderId } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleInventoryReserved } from './handle-inventory-reserved.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. One answer alone, told as HTTP news is (the consumer takes a transaction's answers together: TakeFulfillmentAnswersHandler). */
export class HandleInventoryReservedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  execute(command: HandleInventoryReserved): Promise<void> {
    return this.runner.tell(orderId(command.orderId), { type: 'InventoryReserved' });
  }
}
