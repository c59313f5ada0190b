import { Shipments } from '@bazaar/fulfillment-domain';
import { ShipmentSummary, summaryOf } from '../shared/shipment-summary';
import { ListShipmentsForOrder } from './list-shipments-for-order.query';

/** The shipments for an order, oldest first; none is an empty list, not an error. */
export class ListShipmentsForOrderHandler {
  constructor(private readonly shipments: Shipments) {}

  async execute(query: ListShipmentsForOrder): Promise<readonly ShipmentSummary[]> {
    return (await this.shipments.ofOrder(query.orderId)).map(summaryOf);
  }
}
