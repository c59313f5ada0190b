/** The parcel leaves the warehouse with a carrier, under a tracking number. */
export interface DispatchShipment {
  readonly shipmentId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  /** Who dispatched it (the caller's id); absent until routes know their callers. */
  readonly actor?: string;
}
