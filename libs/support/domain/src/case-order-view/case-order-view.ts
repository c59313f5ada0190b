import { CheckoutDetails } from './checkout-details';
import { RevenueEntry } from './revenue';
import { ShipmentSummary } from './shipments';
import { TimelineEntry } from './timeline';

/**
 * Everything Support knows about one order, gathered from every context's published events. It is
 * a projection, not an aggregate: it decides nothing and is rebuilt from the topics at will.
 * Until the checkout fact arrives the view is partial (`checkout: null`).
 */
export interface CaseOrderView {
  readonly orderId: string;
  readonly checkout: CheckoutDetails | null;
  readonly shipments: readonly ShipmentSummary[];
  readonly revenue: readonly RevenueEntry[];
  /** Every event projected into this view, sorted by (occurredAt, eventId), each once. */
  readonly timeline: readonly TimelineEntry[];
}

export function emptyCaseOrderView(orderId: string): CaseOrderView {
  return { orderId, checkout: null, shipments: [], revenue: [], timeline: [] };
}

/** True when the event is already part of the view: projecting it again would change nothing. */
export function hasProjected(view: CaseOrderView, eventId: string): boolean {
  return view.timeline.some((entry) => entry.eventId === eventId);
}
