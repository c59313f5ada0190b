export interface GetStockLevel {
  readonly sku: string;
}
