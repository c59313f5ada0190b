import { OrderHasNoShipment, Shipments } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { ReleaseShipment } from './release-shipment.command';

/**
 * Releases a confirmed order's shipment to the warehouse, which may pick it from then on. Checkout
 * confirms an order only after Fulfillment reserved its stock, and the shipment is created with that
 * reservation, so an order without one (`order_has_no_shipment`) is news out of order: it is parked
 * for a person. Releasing twice changes nothing.
 */
export class ReleaseShipmentHandler {
  constructor(
    private readonly shipments: Shipments,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReleaseShipment): Promise<void> {
    const [shipment] = await this.shipments.ofOrder(command.orderId);
    if (!shipment) throw new OrderHasNoShipment(command.orderId);
    if (shipment.release(this.clock.now())) await this.shipments.save(shipment);
  }
}
