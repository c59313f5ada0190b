import { orderId } from '@bazaar/checkout-domain';
import { Intake, OrderProcessRunner } from '../order-process/order-process-runner';
import { HandleShipmentDispatched } from './handle-shipment-dispatched.command';

/** News for the order's process, which decides and carries out what follows; a replay decides nothing new. What the consumer runs, and the specs. */
export class HandleShipmentDispatchedHandler {
  constructor(private readonly runner: OrderProcessRunner) {}

  /** `intake`: a consumer's inbox, so the decision commits with the message's mark. */
  execute(command: HandleShipmentDispatched, intake?: Intake): Promise<void> {
    return this.runner.tell(orderId(command.orderId), { type: 'ShipmentDispatched' }, intake);
  }
}
