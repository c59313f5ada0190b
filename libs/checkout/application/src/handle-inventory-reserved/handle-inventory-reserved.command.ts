/** Fulfillment reserved the order's stock (`fulfillment.inventory-reserved.v1`). */
export interface HandleInventoryReserved {
  readonly orderId: string;
}
