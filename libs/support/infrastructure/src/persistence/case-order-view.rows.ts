import { CaseOrderView, emptyCaseOrderView, Reservation, RevenueEntry, ShipmentSummary } from '@bazaar/support-domain';

/** A view as some earlier version of Support wrote it: the fields it knew then. */
export type StoredView = Partial<CaseOrderView> & Pick<CaseOrderView, 'orderId'>;

/**
 * Rows written before Support projected every published event lack the fields added since; they
 * read as "not known yet", so that new facts still fold into them. The events skipped back then
 * lie behind the group's offsets: a rebuild (`main.js rebuild`) rewrites every row in full.
 */
export function inCurrentShape(stored: StoredView): CaseOrderView {
  return {
    ...emptyCaseOrderView(stored.orderId),
    ...stored,
    shipments: (stored.shipments ?? []).map((shipment): ShipmentSummary => ({ ...unknownShipmentDetails, ...shipment })),
    revenue: (stored.revenue ?? []).map((entry): RevenueEntry => ({
      ...entry,
      reversesEntryId: entry.reversesEntryId ?? null,
      recognizesEntryId: entry.recognizesEntryId ?? null,
    })),
    invoices: stored.invoices ?? [],
    reservation: stored.reservation ? inCurrentReservationShape(stored.reservation) : null,
  };
}

const unknownShipmentDetails = {
  pickedAt: null,
  packedAt: null,
  carrier: null,
  trackingNumber: null,
  dispatchedAt: null,
  deliveredAt: null,
  cancelledAt: null,
};

/** Unavailable lines stored before Fulfillment said why a line fell short have no reason: not known. */
function inCurrentReservationShape(reservation: Reservation): Reservation {
  if (reservation.status === 'reserved') return reservation;
  return { ...reservation, unavailable: reservation.unavailable.map((line) => ({ ...line, reason: line.reason ?? null })) };
}
