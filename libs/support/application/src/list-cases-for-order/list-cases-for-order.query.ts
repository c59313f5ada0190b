export interface ListCasesForOrder {
  readonly orderId: string;
}
