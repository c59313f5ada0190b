import { Shipment } from '@bazaar/fulfillment-domain';
import { ShipmentQueries, ShipmentSummary } from '../ports/shipment-queries';
import { InMemoryShipments } from './in-memory-shipments';

/** The read side over the in-memory store: what the SQL select answers, from the same rows. */
export class InMemoryShipmentQueries extends ShipmentQueries {
  constructor(private readonly shipments: InMemoryShipments) {
    super();
  }

  async ofOrder(orderId: string): Promise<readonly ShipmentSummary[]> {
    return (await this.shipments.ofOrder(orderId)).map(summaryOf);
  }

  async withId(shipmentId: string): Promise<ShipmentSummary | null> {
    const shipment = await this.shipments.withId(shipmentId);
    return shipment && summaryOf(shipment);
  }
}

function summaryOf(shipment: Shipment): ShipmentSummary {
  const { id, ...rest } = shipment.snapshot();
  return { shipmentId: id, ...rest };
}
