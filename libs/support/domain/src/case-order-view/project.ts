import { assertNever } from '@bazaar/shared-kernel';
import { CaseOrderView } from './case-order-view';
import { FactForAnotherOrder } from './errors';
import { OrderFact } from './order-facts';
import { withRevenueEntry } from './revenue';
import { withShipmentUpdate } from './shipments';
import { withTimelineEntry } from './timeline';

/**
 * Folds one fact into the view. Every rule below is a merge that ignores arrival order and
 * repetition (set-once fields, entries keyed by id, forward-only statuses, a sorted timeline), so
 * any permutation of the same facts, duplicates included, yields the same view.
 */
export function project(view: CaseOrderView, fact: OrderFact): CaseOrderView {
  if (fact.orderId !== view.orderId) throw new FactForAnotherOrder(view.orderId, fact.orderId);
  return { ...applyFact(view, fact), timeline: withTimelineEntry(view.timeline, fact.source) };
}

function applyFact(view: CaseOrderView, fact: OrderFact): CaseOrderView {
  switch (fact.kind) {
    case 'order-placed':
      // Checkout publishes an order's checkout once; a repeat carries the same details.
      return { ...view, checkout: view.checkout ?? fact.checkout };
    case 'shipment-created':
      return {
        ...view,
        shipments: withShipmentUpdate(view.shipments, {
          shipmentId: fact.shipmentId,
          status: 'created',
          lines: fact.lines,
          createdAt: fact.createdAt,
        }),
      };
    case 'revenue-deferred':
      return {
        ...view,
        revenue: withRevenueEntry(view.revenue, { entryId: fact.entryId, kind: 'deferred', amount: fact.amount, recordedAt: fact.recordedAt }),
      };
    default:
      return assertNever(fact);
  }
}
