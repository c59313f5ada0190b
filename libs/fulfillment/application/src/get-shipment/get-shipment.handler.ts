import { Shipments } from '@bazaar/fulfillment-domain';
import { loadShipment } from '../shared/load-shipment';
import { ShipmentSummary, summaryOf } from '../shared/shipment-summary';
import { GetShipment } from './get-shipment.query';

/** One shipment, or ShipmentNotFound (404). */
export class GetShipmentHandler {
  constructor(private readonly shipments: Shipments) {}

  async execute(query: GetShipment): Promise<ShipmentSummary> {
    return summaryOf(await loadShipment(this.shipments, query.shipmentId));
  }
}
