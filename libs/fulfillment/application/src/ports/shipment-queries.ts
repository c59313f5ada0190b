import { ShipmentSnapshot } from '@bazaar/fulfillment-domain';

/** What a reader learns about a shipment: its state as stored (lines, status, release, each step by whom and when), named for the outside. */
export type ShipmentSummary = Omit<ShipmentSnapshot, 'id'> & { readonly shipmentId: string };

/** The read side of shipments: summaries selected straight for display, not rebuilt from the aggregate. */
export abstract class ShipmentQueries {
  /** The order's shipments, oldest first; none is an empty list. */
  abstract ofOrder(orderId: string): Promise<readonly ShipmentSummary[]>;

  abstract withId(shipmentId: string): Promise<ShipmentSummary | null>;
}
