import { Shipments } from '@bazaar/fulfillment-domain';
import { ListShipmentsForOrder, ShipmentSummary } from './list-shipments-for-order.query';

/** The shipments for an order, oldest first; none is an empty list, not an error. */
export class ListShipmentsForOrderHandler {
  constructor(private readonly shipments: Shipments) {}

  async execute(query: ListShipmentsForOrder): Promise<readonly ShipmentSummary[]> {
    const shipments = await this.shipments.ofOrder(query.orderId);
    return shipments.map((shipment) => {
      const { id, orderId, status, lines, createdAt } = shipment.snapshot();
      return { shipmentId: id, orderId, status, lines, createdAt };
    });
  }
}
