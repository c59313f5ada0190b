import { OrderId, orderId } from '@bazaar/checkout-domain';
import { OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleInventoryReserved } from './handle-inventory-reserved.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. */
export class HandleInventoryReservedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  async execute(command: HandleInventoryReserved): Promise<void> {
    await this.runner.carryOut(await this.decide(command));
  }

  /** Only the decision: what a consumer runs inside its inbox transaction, carrying out once that has committed. */
  async decide(command: HandleInventoryReserved): Promise<OrderId> {
    const id = orderId(command.orderId);
    await this.runner.advance(id, { type: 'InventoryReserved' });
    return id;
  }
}
