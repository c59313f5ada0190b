/** Set a SKU's counted stock, as someone in the warehouse states it. */
export interface CountStock {
  readonly sku: string;
  readonly onHand: number;
  /** Who counted (the caller's id); absent until routes know their callers. */
  readonly actor?: string;
}
