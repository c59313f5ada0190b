import { ShipmentSummary } from '@bazaar/fulfillment-application';
import { Shipment, ShipmentStatus, Stamp } from '@bazaar/fulfillment-domain';

/** One shipment with its lines, as `selectShipments` returns it (for the aggregate and for readers alike). */
export interface ShipmentRow {
  readonly id: string;
  readonly order_id: string;
  readonly status: ShipmentStatus;
  readonly created_at: Date;
  readonly released_at: Date | null;
  readonly picked_at: Date | null;
  readonly picked_by: string | null;
  readonly packed_at: Date | null;
  readonly packed_by: string | null;
  readonly dispatched_at: Date | null;
  readonly dispatched_by: string | null;
  readonly carrier: string | null;
  readonly tracking_number: string | null;
  readonly delivered_at: Date | null;
  readonly delivered_by: string | null;
  readonly cancelled_at: Date | null;
  readonly version: number;
  readonly lines: readonly { sku: string; quantity: number }[];
}

export const selectShipments = `
  SELECT s.id, s.order_id, s.status, s.created_at, s.released_at, s.picked_at, s.picked_by, s.packed_at, s.packed_by,
         s.dispatched_at, s.dispatched_by, s.carrier, s.tracking_number, s.delivered_at, s.delivered_by,
         s.cancelled_at, s.version,
         (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity) ORDER BY l.line_no)
            FROM shipment_lines l WHERE l.shipment_id = s.id) AS lines
    FROM shipments s`;

/** The row as readers see it: no aggregate is rebuilt (its rules were checked when it was written). */
export function toShipmentSummary(row: ShipmentRow): ShipmentSummary {
  const dispatched = stampOf(row.dispatched_at, row.dispatched_by);
  return {
    shipmentId: row.id,
    orderId: row.order_id,
    status: row.status,
    lines: row.lines,
    createdAt: row.created_at,
    releasedAt: row.released_at,
    picked: stampOf(row.picked_at, row.picked_by),
    packed: stampOf(row.packed_at, row.packed_by),
    dispatched: dispatched && { ...dispatched, carrier: row.carrier ?? '', trackingNumber: row.tracking_number ?? '' },
    delivered: stampOf(row.delivered_at, row.delivered_by),
    cancelledAt: row.cancelled_at,
  };
}

/** The row as the aggregate a command changes. */
export function toShipment(row: ShipmentRow): Shipment {
  const { shipmentId: id, ...state } = toShipmentSummary(row);
  return Shipment.restore({ id, ...state }, row.version);
}

function stampOf(at: Date | null, by: string | null): Stamp | null {
  return at ? { at, by } : null;
}
