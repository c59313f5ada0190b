import { Parcel, Shipment, ShipmentLine, ShipmentStatus, Stamp } from '@bazaar/fulfillment-domain';

/** What a reader learns about a shipment: its lines, where it is in its lifecycle, and each step taken, by whom and when. */
export interface ShipmentSummary {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: Date;
  readonly picked: Stamp | null;
  readonly packed: Stamp | null;
  readonly dispatched: (Stamp & Parcel) | null;
  readonly delivered: Stamp | null;
  readonly cancelledAt: Date | null;
}

export function summaryOf(shipment: Shipment): ShipmentSummary {
  const { id, ...rest } = shipment.snapshot();
  return { shipmentId: id, ...rest };
}
