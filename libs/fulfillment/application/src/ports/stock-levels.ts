/** What the warehouse screen shows for a SKU. */
export interface StockLevel {
  readonly sku: string;
  readonly onHand: number;
  readonly reserved: number;
  /** On hand minus reserved: what new orders can still get. */
  readonly available: number;
}

/** The read side of stock: levels selected straight for display, not rebuilt from the aggregate. */
export abstract class StockLevels {
  /** A SKU never stocked has nothing: on hand, reserved and available are 0. */
  abstract of(sku: string): Promise<StockLevel>;
}
