import { ShipmentSummaries, ShipmentSummary } from '../ports/shipment-summaries';
import { ListShipmentsForOrder } from './list-shipments-for-order.query';

/** The shipments for an order, oldest first; none is an empty list, not an error. */
export class ListShipmentsForOrderHandler {
  constructor(private readonly summaries: ShipmentSummaries) {}

  execute(query: ListShipmentsForOrder): Promise<readonly ShipmentSummary[]> {
    return this.summaries.ofOrder(query.orderId);
  }
}
