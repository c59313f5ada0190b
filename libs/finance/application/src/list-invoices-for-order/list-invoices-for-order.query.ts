export interface ListInvoicesForOrder {
  readonly orderId: string;
}
