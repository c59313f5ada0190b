export interface RemoveCartLine {
  readonly cartId: string;
  readonly sku: string;
}
