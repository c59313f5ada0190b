import { Shipment, Shipments } from '@bazaar/fulfillment-domain';
import { Clock, IdGenerator } from '@bazaar/shared-kernel';
import { CreateShipment } from './create-shipment.command';

/**
 * One shipment per order: asking again for an order that has one is a no-op that answers the
 * existing shipment's id. (Two writers racing past the check meet the store's unique constraint,
 * surface as ConcurrencyConflict, and the retry lands in the no-op.)
 */
export class CreateShipmentHandler {
  constructor(
    private readonly shipments: Shipments,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: CreateShipment): Promise<string> {
    const [existing] = await this.shipments.ofOrder(command.orderId);
    if (existing) return existing.id;
    const shipment = Shipment.create({
      id: this.ids.next(),
      orderId: command.orderId,
      lines: command.lines,
      createdAt: this.clock.now(),
    });
    await this.shipments.save(shipment);
    return shipment.id;
  }
}
