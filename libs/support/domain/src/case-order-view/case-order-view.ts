import { CheckoutDetails } from './checkout-details';
import { FraudReview } from './fraud-review';
import { InvoiceSummary } from './invoices';
import { Cancellation, OrderStatus } from './order-status';
import { Payment, unknownPayment } from './payment';
import { Reservation } from './reservation';
import { RevenueEntry } from './revenue';
import { ShipmentSummary } from './shipments';
import { TimelineEntry } from './timeline';

/**
 * Everything Support knows about one order, gathered from every context's published events. It is
 * a projection, not an aggregate: it decides nothing and is rebuilt from the topics at will.
 * Until a fact arrives, what it carries is unknown (null): the view may be partial.
 */
export interface CaseOrderView {
  readonly orderId: string;
  /** Checkout's status of the order, derived from the facts seen (see `statusFrom`). */
  readonly status: OrderStatus;
  /** null until Support has seen the checkout. */
  readonly checkout: CheckoutDetails | null;
  /** `erased` once Checkout erased the buyer's personal data: the view keeps no name or address, whatever arrives later. */
  readonly personalData: 'present' | 'erased';
  /** null unless the order was sent to manual fraud review. */
  readonly fraudReview: FraudReview | null;
  readonly payment: Payment;
  /** Fulfillment's answer to the paid order; null until it is seen. */
  readonly reservation: Reservation | null;
  readonly confirmedAt: string | null;
  readonly completedAt: string | null;
  /** null unless the order was cancelled. */
  readonly cancellation: Cancellation | null;
  readonly shipments: readonly ShipmentSummary[];
  /** The order's ledger entries: deferred, then recognized (its revenue is earned) or reversed. */
  readonly revenue: readonly RevenueEntry[];
  /** The invoices Finance issued for the order (one, once it is dispatched). */
  readonly invoices: readonly InvoiceSummary[];
  /** Every event projected into this view, sorted by (occurredAt, eventId), each once. */
  readonly timeline: readonly TimelineEntry[];
}

export function emptyCaseOrderView(orderId: string): CaseOrderView {
  return {
    orderId,
    status: 'placed',
    checkout: null,
    personalData: 'present',
    fraudReview: null,
    payment: unknownPayment,
    reservation: null,
    confirmedAt: null,
    completedAt: null,
    cancellation: null,
    shipments: [],
    revenue: [],
    invoices: [],
    timeline: [],
  };
}

/** True when the event is already part of the view: projecting it again would change nothing. */
export function hasProjected(view: CaseOrderView, eventId: string): boolean {
  return view.timeline.some((entry) => entry.eventId === eventId);
}
