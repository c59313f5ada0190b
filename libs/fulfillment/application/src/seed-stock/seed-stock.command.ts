/** Stock a catalogue of SKUs the warehouse does not know yet (a demo or a first start). */
export interface SeedStock {
  readonly items: readonly { readonly sku: string; readonly onHand: number }[];
  /** Recorded as who counted the SKUs it stocks, e.g. `seed-stock`. */
  readonly actor: string;
}
