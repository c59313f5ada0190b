/** Every line's units were taken from the shelves. */
export interface PickShipment {
  readonly shipmentId: string;
  /** Who recorded the step (the caller's id); absent until routes know their callers. */
  readonly actor?: string;
}
