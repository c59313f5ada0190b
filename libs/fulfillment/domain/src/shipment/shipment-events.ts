import { ShipmentLine } from './shipment-line';

/** The warehouse has a new work package for an order. */
export interface ShipmentCreated {
  readonly type: 'ShipmentCreated';
  readonly shipmentId: string;
  readonly orderId: string;
  readonly lines: readonly ShipmentLine[];
  readonly occurredAt: Date;
}

/** The work package was dropped before it left the warehouse; nothing of it will ship. */
export interface ShipmentCancelled {
  readonly type: 'ShipmentCancelled';
  readonly shipmentId: string;
  readonly orderId: string;
  readonly occurredAt: Date;
}

/** Every fact a Shipment can record; Fulfillment's private language (see acl/ for the published one). */
export type ShipmentEvent = ShipmentCreated | ShipmentCancelled;
