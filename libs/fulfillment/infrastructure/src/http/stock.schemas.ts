import { z } from 'zod';

/** SKUs as Checkout accepts them on an order line. */
export const skuParameter = z.string().trim().min(1).max(64);

/** `PUT /stock/:sku`: the counted stock. */
export const countStockRequest = z.strictObject({
  onHand: z.int().min(0).max(1_000_000_000).describe('Units in the warehouse, reserved or not'),
});
export type CountStockRequest = z.output<typeof countStockRequest>;

export const stockLevelResponse = z.object({
  sku: z.string(),
  onHand: z.int(),
  reserved: z.int().describe('held for orders not dispatched yet'),
  available: z.int().describe('onHand − reserved: what new orders can get'),
});
export type StockLevelResponse = z.output<typeof stockLevelResponse>;
