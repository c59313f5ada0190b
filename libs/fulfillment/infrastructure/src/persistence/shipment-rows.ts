import { Shipment, ShipmentStatus } from '@bazaar/fulfillment-domain';

/** One shipment with its lines, as the SELECT in TypeOrmShipments returns it. */
export interface ShipmentRow {
  readonly id: string;
  readonly order_id: string;
  readonly status: ShipmentStatus;
  readonly created_at: Date;
  readonly version: number;
  readonly lines: readonly { sku: string; quantity: number }[];
}

export const selectShipments = `
  SELECT s.id, s.order_id, s.status, s.created_at, s.version,
         (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity) ORDER BY l.line_no)
            FROM shipment_lines l WHERE l.shipment_id = s.id) AS lines
    FROM shipments s`;

export function toShipment(row: ShipmentRow): Shipment {
  return Shipment.restore(
    { id: row.id, orderId: row.order_id, status: row.status, lines: row.lines, createdAt: row.created_at },
    row.version,
  );
}
