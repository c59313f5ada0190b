import { ShipmentNotFound } from '@bazaar/fulfillment-domain';
import { ShipmentSummaries, ShipmentSummary } from '../ports/shipment-summaries';
import { GetShipment } from './get-shipment.query';

/** One shipment, or ShipmentNotFound (404). */
export class GetShipmentHandler {
  constructor(private readonly summaries: ShipmentSummaries) {}

  async execute(query: GetShipment): Promise<ShipmentSummary> {
    const summary = await this.summaries.withId(query.shipmentId);
    if (!summary) throw new ShipmentNotFound(query.shipmentId);
    return summary;
  }
}
