import { ShipmentLine } from './shipment-line';

/** The warehouse has a new work package for an order. */
export interface ShipmentCreated {
  readonly type: 'ShipmentCreated';
  readonly shipmentId: string;
  readonly orderId: string;
  readonly lines: readonly ShipmentLine[];
  readonly occurredAt: Date;
}

/** Every fact a Shipment can record; Fulfillment's private language (see acl/ for the published one). */
export type ShipmentEvent = ShipmentCreated;
