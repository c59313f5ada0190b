import { ShipmentQueries, ShipmentSummary } from '@bazaar/fulfillment-application';
import { Transactions } from '@bazaar/platform-database';
import { selectShipments, ShipmentRow, toShipmentSummary } from './shipment.rows';

/** Shipments selected straight for display: one statement each, no aggregate rebuilt. */
export class TypeOrmShipmentQueries extends ShipmentQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async ofOrder(orderId: string): Promise<readonly ShipmentSummary[]> {
    const rows: ShipmentRow[] = await this.transactions.manager.query(`${selectShipments} WHERE s.order_id = $1 ORDER BY s.created_at, s.id`, [orderId]);
    return rows.map(toShipmentSummary);
  }

  async withId(shipmentId: string): Promise<ShipmentSummary | null> {
    const rows: ShipmentRow[] = await this.transactions.manager.query(`${selectShipments} WHERE s.id = $1`, [shipmentId]);
    return rows[0] ? toShipmentSummary(rows[0]) : null;
  }
}
