import { CancelFulfillment } from '../cancel-fulfillment/cancel-fulfillment.command';
import { ReleaseShipment } from '../release-shipment/release-shipment.command';
import { ReserveInventory } from '../reserve-inventory/reserve-inventory.command';

/** One piece of Checkout's news about an order, as the Fulfillment command it calls for. */
export type CheckoutNews =
  | ({ readonly command: 'ReserveInventory' } & ReserveInventory)
  | ({ readonly command: 'ReleaseShipment' } & ReleaseShipment)
  | ({ readonly command: 'CancelFulfillment' } & CancelFulfillment);
