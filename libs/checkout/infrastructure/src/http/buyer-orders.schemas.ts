import { BuyerOrdersPage, BuyerOrdersPosition } from '@bazaar/checkout-application';
import { orderStatuses } from '@bazaar/checkout-domain';
import { z } from 'zod';
import { moneyRequest } from './place-order.request';

/** Opaque to clients: where the previous page ended (placed-at and order id, base64url JSON). */
const cursor = z
  .string()
  .max(200)
  .transform((value, context): BuyerOrdersPosition => {
    const position = decodeCursor(value);
    if (!position) {
      context.addIssue({ code: 'custom', message: 'not a cursor this service issued' });
      return z.NEVER;
    }
    return position;
  });

export const listBuyerOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursor.optional(),
});
export type ListBuyerOrdersQuery = z.output<typeof listBuyerOrdersQuery>;

export const buyerOrdersResponse = z.object({
  orders: z.array(
    z.object({
      orderId: z.uuid(),
      status: z.enum(orderStatuses),
      total: moneyRequest,
      lineCount: z.int(),
      placedAt: z.iso.datetime(),
    }),
  ),
  nextCursor: z.string().optional().describe('Pass as `cursor` for the next (older) page; absent on the last page'),
});
export type BuyerOrdersResponse = z.output<typeof buyerOrdersResponse>;

export function toBuyerOrdersResponse(page: BuyerOrdersPage): BuyerOrdersResponse {
  return {
    orders: page.orders.map(({ orderId, status, total, lineCount, placedAt }) => ({ orderId, status, total: { ...total }, lineCount, placedAt: placedAt.toISOString() })),
    ...(page.next && { nextCursor: encodeCursor(page.next) }),
  };
}

function encodeCursor(position: BuyerOrdersPosition): string {
  return Buffer.from(JSON.stringify([position.placedAt.toISOString(), position.orderId])).toString('base64url');
}

const decodedCursor = z.tuple([z.iso.datetime(), z.uuid()]);

function decodeCursor(value: string): BuyerOrdersPosition | undefined {
  try {
    const parsed = decodedCursor.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { placedAt: new Date(parsed.data[0]), orderId: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}
