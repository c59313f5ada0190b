import { OrderDetails } from '@bazaar/checkout-application';
import { cancellationReasons, orderProcessSteps, orderStatuses } from '@bazaar/checkout-domain';
import { z } from 'zod';
import { moneyRequest, shippingAddressRequest } from './place-order.request';

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
