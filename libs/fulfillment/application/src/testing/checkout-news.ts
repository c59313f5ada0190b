import { CancelFulfillment } from '../cancel-fulfillment/cancel-fulfillment.command';
import { FulfillCheckoutNewsHandler } from '../fulfill-checkout-news/fulfill-checkout-news.handler';
import { ReleaseShipment } from '../release-shipment/release-shipment.command';
import { ReserveInventory } from '../reserve-inventory/reserve-inventory.command';
import { FulfillmentFakes } from './fulfillment-fakes';

/** The handler of Checkout's news over the fakes. */
export function checkoutNewsHandler(fakes: FulfillmentFakes, ports: Partial<Pick<FulfillmentFakes, 'unitOfWork' | 'reservations' | 'shipments'>> = {}): FulfillCheckoutNewsHandler {
  const { unitOfWork, reservations, shipments } = { ...fakes, ...ports };
  return new FulfillCheckoutNewsHandler(unitOfWork, reservations, fakes.stock, shipments, fakes.clock, fakes.ids);
}

/** Checkout's news one message at a time: each command alone in its unit of work, as a message handled on its own is. */
export function oneAtATime(handler: FulfillCheckoutNewsHandler) {
  return {
    reserve: (command: ReserveInventory) => handler.execute([{ command: 'ReserveInventory', ...command }]),
    release: (command: ReleaseShipment) => handler.execute([{ command: 'ReleaseShipment', ...command }]),
    cancel: (command: CancelFulfillment) => handler.execute([{ command: 'CancelFulfillment', ...command }]),
  };
}
