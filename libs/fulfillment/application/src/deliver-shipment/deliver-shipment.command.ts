/** The carrier delivered the parcel. */
export interface DeliverShipment {
  readonly shipmentId: string;
  /** Who recorded the step (the caller's id); absent until routes know their callers. */
  readonly actor?: string;
}
