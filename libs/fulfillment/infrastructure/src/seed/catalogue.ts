import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A stock catalogue, as `docker/provisioning/catalogue.json` declares the demo one: SKUs and their
 * on-hand counts, each SKU once.
 */
export const catalogueSchema = z
  .strictObject({
    $comment: z.string().optional(),
    stock: z.array(z.strictObject({ sku: z.string().trim().min(1).max(64), onHand: z.int().min(0).max(1_000_000_000) })),
  })
  .refine((catalogue) => new Set(catalogue.stock.map((item) => item.sku)).size === catalogue.stock.length, {
    message: 'each SKU appears once',
    path: ['stock'],
  });
export type Catalogue = z.output<typeof catalogueSchema>;

/** Reads and checks a catalogue file; a file that does not conform is refused whole, naming what is wrong. */
export function readCatalogue(path: string): Catalogue {
  // The operator names the file on the command line (`main.js seed-stock <file>`); no request does.
  // eslint-disable-next-line security/detect-non-literal-fs-filename
  const result = catalogueSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path} is not a stock catalogue: ${z.prettifyError(result.error)}`);
  return result.data;
}
