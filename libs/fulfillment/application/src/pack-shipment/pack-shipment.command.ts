/** The parcel is packed and labelled, waiting for its carrier. */
export interface PackShipment {
  readonly shipmentId: string;
  /** Who recorded the step (the caller's id); absent until routes know their callers. */
  readonly actor?: string;
}
