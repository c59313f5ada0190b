export interface GetShipment {
  readonly shipmentId: string;
}
