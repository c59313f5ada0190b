/** Checkout confirmed the order: its shipment may go to the warehouse floor. */
export interface ReleaseShipment {
  readonly orderId: string;
}
