import { z } from 'zod';
import { CaseOrderViewWithCases } from '@bazaar/support-application';
import { cancellationReasons, CaseOrderView, orderStatuses, paymentStates, revenueKinds, shipmentStatuses } from '@bazaar/support-domain';
import { caseSummaryResponse, toCaseSummaryResponse } from './cases.schemas';

const money = z.object({ amount: z.number().int().describe('minor units'), currency: z.string().length(3) });
const dateTime = z.iso.datetime();
const skuQuantity = z.object({ sku: z.string(), quantity: z.number().int() });

const checkout = z.object({
  buyerId: z.string(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int(), unitPrice: money, lineTotal: money })),
  total: money,
  shippingAddress: z
    .object({
      name: z.string(),
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      postalCode: z.string(),
      country: z.string().length(2),
    })
    .nullable()
    .describe("null once the buyer's personal data was erased"),
  placedAt: dateTime,
});

const fraudReview = z.object({
  score: z.number().int().nullable().describe('null until the review request is seen'),
  reasons: z.array(z.string()).nullable().describe('codes of the fraud rules that fired, e.g. large_order'),
  requestedAt: dateTime.nullable(),
  decision: z.enum(['pending', 'approved', 'rejected']),
  decidedAt: dateTime.nullable(),
});

const payment = z.object({
  state: z.enum(paymentStates).describe('none: the order ended before any payment; voided: authorized, then released at cancellation'),
  amount: money.nullable().describe('the amount authorized; null until the authorization is seen'),
  authorizationReference: z.string().nullable().describe("the gateway's reference of the authorization"),
  authorizedAt: dateTime.nullable(),
  failureReason: z.string().nullable().describe("the gateway's decline reason"),
  failedAt: dateTime.nullable(),
});

const reservation = z.discriminatedUnion('status', [
  z.object({ status: z.literal('reserved'), lines: z.array(skuQuantity), reservedAt: dateTime }),
  z.object({
    status: z.literal('failed'),
    unavailable: z.array(
      z.object({
        sku: z.string(),
        requested: z.number().int(),
        available: z.number().int(),
        reason: z.enum(['not_stocked', 'insufficient_stock']).nullable().describe('null when Fulfillment did not say'),
      }),
    ),
    failedAt: dateTime,
  }),
]);

const cancellation = z.object({
  reason: z.enum(cancellationReasons),
  cancelledAt: dateTime,
  paymentWasAuthorized: z.boolean(),
  authorizationVoided: z.boolean(),
});

const shipment = z.object({
  shipmentId: z.uuid(),
  status: z.enum(shipmentStatuses).describe('only ever moves forward; cancelled is final'),
  lines: z.array(skuQuantity).nullable(),
  createdAt: dateTime.nullable(),
  pickedAt: dateTime.nullable(),
  packedAt: dateTime.nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  dispatchedAt: dateTime.nullable(),
  deliveredAt: dateTime.nullable(),
  cancelledAt: dateTime.nullable(),
});

const revenueEntry = z.object({
  entryId: z.uuid(),
  kind: z.enum(revenueKinds),
  amount: money,
  recordedAt: dateTime,
  reversesEntryId: z.uuid().nullable().describe('for a reversal: the entry it undoes'),
  recognizesEntryId: z.uuid().nullable().describe('for a recognition: the deferred entry it earns'),
});

const invoice = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z.string().describe('e.g. 2026-000001: issuing year and place in its gapless sequence'),
  total: money,
  issuedAt: dateTime,
});

/**
 * `GET /case-order-views/:orderId` — what an agent sees of an order. Every part is projected from
 * published events as they arrive, in any order: what no event has told yet is null (the view is partial).
 */
export const caseOrderViewResponse = z.object({
  orderId: z.uuid(),
  status: z.enum(orderStatuses).describe("Checkout's status, read off the furthest lifecycle event seen"),
  checkout: checkout.nullable().describe('null until Support has seen the checkout'),
  personalData: z.enum(['present', 'erased']).describe("`erased`: Checkout erased the buyer's personal data; the view keeps no name or address"),
  fraudReview: fraudReview.nullable().describe('null unless the order was sent to manual fraud review'),
  payment,
  reservation: reservation.nullable().describe("Fulfillment's answer to the paid order"),
  confirmedAt: dateTime.nullable(),
  completedAt: dateTime.nullable(),
  cancellation: cancellation.nullable(),
  shipments: z.array(shipment),
  revenue: z.array(revenueEntry).describe("the order's ledger entries (deferred, then recognized or reversal), sorted by (recordedAt, deferred first, entryId)"),
  invoices: z.array(invoice).describe('the invoices Finance issued for the order (one once it is dispatched), sorted by (issuedAt, invoiceId)'),
  timeline: z
    .array(z.object({ eventId: z.uuid(), type: z.string(), version: z.number().int(), context: z.string(), occurredAt: dateTime }))
    .describe('every event projected, sorted by (occurredAt, eventId)'),
  cases: z.array(caseSummaryResponse).describe("the order's support cases, oldest first (read from the cases, not projected)"),
});
export type CaseOrderViewResponse = z.output<typeof caseOrderViewResponse>;

export function toResponse({ view, cases }: CaseOrderViewWithCases): CaseOrderViewResponse {
  return {
    orderId: view.orderId,
    status: view.status,
    // Field by field: a sealed address is never answered, only what it opened to.
    checkout: view.checkout && {
      buyerId: view.checkout.buyerId,
      lines: [...view.checkout.lines],
      total: view.checkout.total,
      shippingAddress: view.checkout.shippingAddress && { ...view.checkout.shippingAddress },
      placedAt: view.checkout.placedAt,
    },
    personalData: view.personalData,
    fraudReview: view.fraudReview && { ...view.fraudReview, reasons: view.fraudReview.reasons && [...view.fraudReview.reasons] },
    payment: { ...view.payment },
    reservation: view.reservation && reservationResponse(view.reservation),
    confirmedAt: view.confirmedAt,
    completedAt: view.completedAt,
    cancellation: view.cancellation && { ...view.cancellation },
    shipments: view.shipments.map((shipment) => ({ ...shipment, lines: shipment.lines && [...shipment.lines] })),
    revenue: view.revenue.map((entry) => ({ ...entry })),
    invoices: view.invoices.map((invoice) => ({ ...invoice, total: { ...invoice.total } })),
    timeline: [...view.timeline],
    cases: cases.map(toCaseSummaryResponse),
  };
}

/** `GET /case-order-views?buyerId=` — one line per order of the buyer, to pick the one the call is about. */
export const buyerOrdersResponse = z.object({
  views: z
    .array(
      z.object({
        orderId: z.uuid(),
        status: z.enum(orderStatuses),
        placedAt: dateTime,
        total: money,
        lastEventAt: dateTime.describe('when the latest event about the order happened'),
      }),
    )
    .describe('newest first, at most 100'),
});
export type BuyerOrdersResponse = z.output<typeof buyerOrdersResponse>;

export const findViewsQuery = z.strictObject({ buyerId: z.string().trim().min(1).max(100) });
export type FindViewsQuery = z.output<typeof findViewsQuery>;

export function toBuyerOrdersResponse(views: readonly CaseOrderView[]): BuyerOrdersResponse {
  // Only views whose checkout is known are found by buyer, so `checkout` is there.
  return {
    views: views.flatMap((view) =>
      view.checkout
        ? [
            {
              orderId: view.orderId,
              status: view.status,
              placedAt: view.checkout.placedAt,
              total: { ...view.checkout.total },
              lastEventAt: view.timeline.at(-1)?.occurredAt ?? view.checkout.placedAt,
            },
          ]
        : [],
    ),
  };
}

function reservationResponse(answer: NonNullable<CaseOrderView['reservation']>): z.output<typeof reservation> {
  return answer.status === 'reserved' ? { ...answer, lines: [...answer.lines] } : { ...answer, unavailable: [...answer.unavailable] };
}
