export interface ListShipmentsForOrder {
  readonly orderId: string;
}
