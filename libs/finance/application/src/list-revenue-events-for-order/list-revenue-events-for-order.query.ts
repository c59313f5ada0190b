export interface ListRevenueEventsForOrder {
  readonly orderId: string;
}
