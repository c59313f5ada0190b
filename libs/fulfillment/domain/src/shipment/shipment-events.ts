import { ShipmentLine } from './shipment-line';

interface ShipmentFact<TType extends string> {
  readonly type: TType;
  readonly shipmentId: string;
  readonly orderId: string;
  readonly occurredAt: Date;
}

/** A warehouse step someone took: who, when known (see Stamp). */
interface WarehouseStep<TType extends string> extends ShipmentFact<TType> {
  readonly by: string | null;
}

/** The warehouse has a new work package for an order. */
export interface ShipmentCreated extends ShipmentFact<'ShipmentCreated'> {
  readonly lines: readonly ShipmentLine[];
}

/** The work package was dropped before it left the warehouse; nothing of it will ship. */
export type ShipmentCancelled = ShipmentFact<'ShipmentCancelled'>;

/** Checkout confirmed the order: the warehouse may start. Private: Checkout's own event already tells every other context. */
export type ShipmentReleased = ShipmentFact<'ShipmentReleased'>;

/** Every line's units were taken from the shelves. */
export type ShipmentPicked = WarehouseStep<'ShipmentPicked'>;

/** The parcel is packed and labelled, ready for the carrier. */
export type ShipmentPacked = WarehouseStep<'ShipmentPacked'>;

/** The parcel left the warehouse with a carrier. */
export interface ShipmentDispatched extends WarehouseStep<'ShipmentDispatched'> {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/** The carrier delivered the parcel. */
export type ShipmentDelivered = WarehouseStep<'ShipmentDelivered'>;

/** Every fact a Shipment can record; Fulfillment's private language (see acl/ for the published one). */
export type ShipmentEvent = ShipmentCreated | ShipmentReleased | ShipmentCancelled | ShipmentPicked | ShipmentPacked | ShipmentDispatched | ShipmentDelivered;
