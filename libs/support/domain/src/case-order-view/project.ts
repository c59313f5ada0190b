import { assertNever } from '@bazaar/shared-kernel';
import { CaseOrderView } from './case-order-view';
import { CheckoutDetails } from './checkout-details';
import { FactForAnotherOrder } from './errors';
import { withReviewDecision, withReviewRequest } from './fraud-review';
import { withInvoice } from './invoices';
import { OrderFact } from './order-facts';
import { statusFrom } from './order-status';
import { paymentStateOf, withAuthorization, withFailure } from './payment';
import { withReservation } from './reservation';
import { withRevenueEntry } from './revenue';
import { withShipmentUpdate } from './shipments';
import { withTimelineEntry } from './timeline';

/**
 * Folds one fact into the view. Every rule below is a merge that ignores arrival order and
 * repetition — set-once fields (each published fact happens once per order or shipment; a
 * redelivery is the same event), entries keyed by id, forward-only statuses, a sorted timeline —
 * and the summaries (the order's status, the payment's state) are derived afresh from what is
 * known. So any permutation of the same facts, duplicates included, yields the same view.
 */
export function project(view: CaseOrderView, fact: OrderFact): CaseOrderView {
  if (fact.orderId !== view.orderId) throw new FactForAnotherOrder(view.orderId, fact.orderId);
  return summarized({ ...applyFact(view, fact), timeline: withTimelineEntry(view.timeline, fact.source) });
}

/** An erased buyer's checkout keeps its lines and totals, never the address (whichever arrived first). */
export function withoutPersonalData(checkout: CheckoutDetails, personalData: CaseOrderView['personalData']): CheckoutDetails {
  if (personalData !== 'erased') return checkout;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { sealedShippingAddress, ...rest } = checkout;
  return { ...rest, shippingAddress: null };
}

function applyFact(view: CaseOrderView, fact: OrderFact): CaseOrderView {
  switch (fact.kind) {
    case 'order-placed':
      return { ...view, checkout: view.checkout ?? withoutPersonalData(fact.checkout, view.personalData) };
    case 'personal-data-erased':
      return { ...view, personalData: 'erased', checkout: view.checkout && withoutPersonalData(view.checkout, 'erased') };
    case 'fraud-review-requested':
      return { ...view, fraudReview: withReviewRequest(view.fraudReview, fact) };
    case 'fraud-review-decided':
      return { ...view, fraudReview: withReviewDecision(view.fraudReview, fact) };
    case 'payment-authorized':
      return { ...view, payment: withAuthorization(view.payment, fact) };
    case 'payment-failed':
      return { ...view, payment: withFailure(view.payment, fact) };
    case 'order-confirmed':
      return { ...view, confirmedAt: view.confirmedAt ?? fact.confirmedAt };
    case 'order-cancelled':
      return { ...view, cancellation: view.cancellation ?? fact.cancellation };
    case 'order-completed':
      return { ...view, completedAt: view.completedAt ?? fact.completedAt };
    case 'stock-reserved':
      return { ...view, reservation: withReservation(view.reservation, { status: 'reserved', lines: fact.lines, reservedAt: fact.reservedAt }) };
    case 'stock-reservation-failed':
      return { ...view, reservation: withReservation(view.reservation, { status: 'failed', unavailable: fact.unavailable, failedAt: fact.failedAt }) };
    case 'shipment-created':
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId: fact.shipmentId, status: 'created', lines: fact.lines, createdAt: fact.createdAt }) };
    case 'shipment-picked':
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId: fact.shipmentId, status: 'picked', pickedAt: fact.pickedAt }) };
    case 'shipment-packed':
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId: fact.shipmentId, status: 'packed', packedAt: fact.packedAt }) };
    case 'shipment-delivered':
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId: fact.shipmentId, status: 'delivered', deliveredAt: fact.deliveredAt }) };
    case 'shipment-dispatched': {
      const { shipmentId, carrier, trackingNumber, dispatchedAt } = fact;
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId, status: 'dispatched', carrier, trackingNumber, dispatchedAt }) };
    }
    case 'shipment-cancelled':
      return { ...view, shipments: withShipmentUpdate(view.shipments, { shipmentId: fact.shipmentId, status: 'cancelled', cancelledAt: fact.cancelledAt }) };
    case 'revenue-deferred': {
      const { entryId, amount, recordedAt } = fact;
      return { ...view, revenue: withRevenueEntry(view.revenue, { entryId, kind: 'deferred', amount, recordedAt, reversesEntryId: null, recognizesEntryId: null }) };
    }
    case 'revenue-recognized': {
      const { entryId, amount, recordedAt, recognizesEntryId } = fact;
      return { ...view, revenue: withRevenueEntry(view.revenue, { entryId, kind: 'recognized', amount, recordedAt, reversesEntryId: null, recognizesEntryId }) };
    }
    case 'revenue-reversed': {
      const { entryId, amount, recordedAt, reversesEntryId } = fact;
      return { ...view, revenue: withRevenueEntry(view.revenue, { entryId, kind: 'reversal', amount, recordedAt, reversesEntryId, recognizesEntryId: null }) };
    }
    case 'invoice-issued':
      return { ...view, invoices: withInvoice(view.invoices, fact.invoice) };
    default:
      return assertNever(fact);
  }
}

function summarized(view: CaseOrderView): CaseOrderView {
  const status = statusFrom({
    cancellation: view.cancellation,
    completedAt: view.completedAt,
    confirmedAt: view.confirmedAt,
    paymentAuthorizedAt: view.payment.authorizedAt,
    fraudReviewSeen: view.fraudReview !== null,
  });
  return { ...view, status, payment: { ...view.payment, state: paymentStateOf(view.payment, view.cancellation) } };
}
