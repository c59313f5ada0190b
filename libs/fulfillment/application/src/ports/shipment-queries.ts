import { Parcel, ShipmentLine, ShipmentStatus, Stamp } from '@bazaar/fulfillment-domain';

/** What a reader learns about a shipment: its lines, where it is in its lifecycle, and each step taken, by whom and when. */
export interface ShipmentSummary {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: Date;
  readonly releasedAt: Date | null;
  readonly picked: Stamp | null;
  readonly packed: Stamp | null;
  readonly dispatched: (Stamp & Parcel) | null;
  readonly delivered: Stamp | null;
  readonly cancelledAt: Date | null;
}

/** The read side of shipments: summaries selected straight for display, not rebuilt from the aggregate. */
export abstract class ShipmentQueries {
  /** The order's shipments, oldest first; none is an empty list. */
  abstract ofOrder(orderId: string): Promise<readonly ShipmentSummary[]>;

  abstract withId(shipmentId: string): Promise<ShipmentSummary | null>;
}
