import { Shipments } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { CancelShipment } from './cancel-shipment.command';

/**
 * Cancels the order's shipment and answers its id. An order without a shipment has nothing to
 * cancel (it was cancelled before its payment was authorized): that is a no-op answering nothing.
 * Asking again for a cancelled shipment answers its id and changes nothing. A shipment already
 * dispatched refuses (ShipmentAlreadyDispatched): the parcel is gone, someone must look at it.
 */
export class CancelShipmentHandler {
  constructor(
    private readonly shipments: Shipments,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelShipment): Promise<string | undefined> {
    const [shipment] = await this.shipments.ofOrder(command.orderId);
    if (!shipment) return undefined;
    if (shipment.status === 'cancelled') return shipment.id;
    // Releasing the order's stock reservation belongs here too, once Fulfillment reserves inventory.
    shipment.cancel(this.clock.now());
    await this.shipments.save(shipment);
    return shipment.id;
  }
}
