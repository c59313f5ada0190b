/** The shipment that left the warehouse with the order's goods: what earns the sale's revenue. */
export interface Dispatch {
  readonly shipmentId: string;
  readonly dispatchedAt: Date;
}
