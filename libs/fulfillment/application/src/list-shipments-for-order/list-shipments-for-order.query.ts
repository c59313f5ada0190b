import { ShipmentLine, ShipmentStatus } from '@bazaar/fulfillment-domain';

export interface ListShipmentsForOrder {
  readonly orderId: string;
}

/** What a reader learns about a shipment. */
export interface ShipmentSummary {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[];
  readonly createdAt: Date;
}
