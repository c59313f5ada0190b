import { ShipmentHasNoLines, ShipmentLineInvalid, ShipmentSkuRepeated } from './shipment-errors';

/** Units of one SKU to pick; fixed when the shipment is created. */
export interface ShipmentLine {
  readonly sku: string;
  readonly quantity: number;
}

/** The rules a shipment's lines obey, checked once at creation (and on every restore). */
export function shipmentLines(orderId: string, lines: readonly ShipmentLine[]): readonly ShipmentLine[] {
  if (lines.length === 0) throw new ShipmentHasNoLines(orderId);
  const seen = new Set<string>();
  for (const { sku, quantity } of lines) {
    if (sku.trim() === '' || !Number.isInteger(quantity) || quantity < 1) throw new ShipmentLineInvalid(sku, quantity);
    if (seen.has(sku)) throw new ShipmentSkuRepeated(sku);
    seen.add(sku);
  }
  return Object.freeze(lines.map(({ sku, quantity }) => Object.freeze({ sku, quantity })));
}
