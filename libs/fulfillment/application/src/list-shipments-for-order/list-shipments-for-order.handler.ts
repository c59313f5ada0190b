import { ShipmentQueries, ShipmentSummary } from '../ports/shipment-queries';
import { ListShipmentsForOrder } from './list-shipments-for-order.query';

/** The shipments for an order, oldest first; none is an empty list, not an error. */
export class ListShipmentsForOrderHandler {
  constructor(private readonly summaries: ShipmentQueries) {}

  execute(query: ListShipmentsForOrder): Promise<readonly ShipmentSummary[]> {
    return this.summaries.ofOrder(query.orderId);
  }
}
