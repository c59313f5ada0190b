import { orderId } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleInventoryReserved } from './handle-inventory-reserved.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. */
export class HandleInventoryReservedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  async execute(command: HandleInventoryReserved): Promise<void> {
    const id = orderId(command.orderId);
    await this.runner.advance(id, { type: 'InventoryReserved' });
    await this.runner.carryOut(id);
  }
}
