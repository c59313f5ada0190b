/** Fulfillment could not reserve the order's stock (`fulfillment.inventory-reservation-failed.v1`). */
export interface HandleInventoryReservationFailed {
  readonly orderId: string;
}
