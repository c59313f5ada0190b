import { BuyerOrdersPage, BuyerOrdersPosition, OrderDetails } from '@bazaar/checkout-application';
import { cancellationReasons, orderProcessSteps, orderStatuses } from '@bazaar/checkout-domain';
import { isCurrency } from '@bazaar/shared-kernel';
import { z } from 'zod';

/**
 * `POST /orders` as its public contract fixes it. The schema checks shapes and formats only (400
 * `invalid_request`); the order's rules (line count, quantity range, one currency, positive
 * prices) are the domain's and answer 422 with their own codes, so they are deliberately not here.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** Large enough for any real price, small enough that 50 lines of 999 stay exact integers. */
const MAX_UNIT_AMOUNT = 100_000_000_000;

/**
 * An ISO 4217 code of money buyers pay with (no metals, test or funds codes): 400 naming the field.
 * Whether Checkout takes orders in it is the domain's rule (422 `currency_not_accepted`).
 */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code: three upper-case letters')
  .refine(isCurrency, 'must be an active ISO 4217 currency that buyers pay with');

export const moneyRequest = z.strictObject({
  amount: z.int().max(MAX_UNIT_AMOUNT).describe('Integer minor units (cents, pence, …)'),
  currency: currencyCode,
});

export const shippingAddressRequest = z.strictObject({
  name: text(200),
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  postalCode: text(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code: two upper-case letters'),
});

export const placeOrderRequest = z.strictObject({
  buyerId: text(100).optional().describe('The caller’s own subject (the default); another buyer’s id is refused (403 buyer_mismatch)'),
  lines: z.array(
    z.strictObject({
      sku: text(64),
      quantity: z.int(),
      unitPrice: moneyRequest,
    }),
  ),
  paymentToken: text(200).describe('A payment method token from the gateway, never card data'),
  shippingAddress: shippingAddressRequest,
});

export type PlaceOrderRequest = z.output<typeof placeOrderRequest>;

const moneyResponse = moneyRequest;
const instant = z.iso.datetime();

export const placedOrderResponse = z.object({
  orderId: z.uuid(),
  status: z.enum(orderStatuses),
});

export const orderLineResponse = z.object({ sku: z.string(), quantity: z.int(), unitPrice: moneyResponse, lineTotal: moneyResponse });

export const orderResponse = z.object({
  orderId: z.uuid(),
  buyerId: z.string(),
  status: z.enum(orderStatuses),
  lines: z.array(orderLineResponse),
  total: moneyResponse,
  shippingAddress: shippingAddressRequest.nullable().describe('`null` once the buyer’s personal data was erased'),
  personalData: z.enum(['present', 'erased']).describe('`erased`: the buyer’s personal data was erased; the order keeps its lines and amounts'),
  placedAt: instant,
  payment: z.object({
    state: z.enum(['pending', 'authorized', 'declined', 'voided', 'none']).describe('`none`: the order ended before any payment was asked for'),
    declineReason: z.string().optional(),
  }),
  fraudReview: z
    .object({
      score: z.int(),
      reasons: z.array(z.string()),
      decision: z.enum(['pending', 'approved', 'rejected']),
      decidedBy: z.string().optional().describe('The analyst who decided'),
      decisionReason: z.string().optional().describe('Why, in their words'),
    })
    .optional(),
  cancellationReason: z.enum(cancellationReasons).optional(),
  process: z
    .object({
      step: z.enum(orderProcessSteps),
      pending: z.array(z.string()).describe('What the process decided and has not carried out yet, in order'),
      attempts: z.int().describe('Failed attempts of the first pending command'),
      nextAttemptAt: instant.optional(),
      deadline: instant.optional().describe('While awaiting inventory: when the order is cancelled (timed_out) if Fulfillment has not answered'),
    })
    .optional()
    .describe('Where the order’s process stands; absent for the moment between placing and screening'),
});

export type OrderResponse = z.output<typeof orderResponse>;

export function toOrderResponse(order: OrderDetails): OrderResponse {
  const { process } = order;
  return {
    orderId: order.orderId,
    buyerId: order.buyerId,
    status: order.status,
    lines: order.lines.map(({ sku, quantity, unitPrice, lineTotal }) => ({ sku, quantity, unitPrice, lineTotal })),
    total: order.total,
    shippingAddress: order.shippingAddress,
    personalData: order.personalData,
    placedAt: order.placedAt.toISOString(),
    payment: order.payment,
    ...(order.fraudReview && { fraudReview: { ...order.fraudReview, reasons: [...order.fraudReview.reasons] } }),
    ...(order.cancellationReason && { cancellationReason: order.cancellationReason }),
    ...(process && {
      process: {
        step: process.step,
        pending: [...process.pending],
        attempts: process.attempts,
        ...(process.nextAttemptAt && { nextAttemptAt: process.nextAttemptAt.toISOString() }),
        ...(process.reservationDeadline && { deadline: process.reservationDeadline.toISOString() }),
      },
    }),
  };
}

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
