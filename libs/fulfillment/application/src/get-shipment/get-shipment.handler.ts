import { ShipmentNotFound } from '@bazaar/fulfillment-domain';
import { ShipmentQueries, ShipmentSummary } from '../ports/shipment-queries';
import { GetShipment } from './get-shipment.query';

/** One shipment, or ShipmentNotFound (404). */
export class GetShipmentHandler {
  constructor(private readonly summaries: ShipmentQueries) {}

  async execute(query: GetShipment): Promise<ShipmentSummary> {
    const summary = await this.summaries.withId(query.shipmentId);
    if (!summary) throw new ShipmentNotFound(query.shipmentId);
    return summary;
  }
}
