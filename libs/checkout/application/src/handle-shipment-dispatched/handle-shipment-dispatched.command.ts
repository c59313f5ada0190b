/** The order's parcel left the warehouse (`fulfillment.shipment-dispatched.v1`). */
export interface HandleShipmentDispatched {
  readonly orderId: string;
}
