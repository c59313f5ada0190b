import { orderId } from '@bazaar/checkout-domain';
import { InboxIntake, OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleShipmentDispatched } from './handle-shipment-dispatched.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. What the consumer runs, and the specs. */
export class HandleShipmentDispatchedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  /** `intake`: a consumer's inbox: the decision and the order commands it makes due commit with the message's mark. */
  execute(command: HandleShipmentDispatched, intake?: InboxIntake): Promise<void> {
    return this.runner.take(orderId(command.orderId), { type: 'ShipmentDispatched' }, intake);
  }
}
