import { stamp, Shipments } from '@bazaar/fulfillment-domain';
import { Clock } from '@bazaar/shared-kernel';
import { loadShipment } from '../shared/load-shipment';
import { DeliverShipment } from './deliver-shipment.command';

/** Records the step with who took it and when; out of order, repeated or on a cancelled shipment it is refused (409). */
export class DeliverShipmentHandler {
  constructor(
    private readonly shipments: Shipments,
    private readonly clock: Clock,
  ) {}

  async execute(command: DeliverShipment): Promise<void> {
    const shipment = await loadShipment(this.shipments, command.shipmentId);
    shipment.deliver(stamp(this.clock.now(), command.actor ?? null));
    await this.shipments.save(shipment);
  }
}
