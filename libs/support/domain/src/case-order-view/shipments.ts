import { compareText } from './timeline';

/** Fulfillment's shipment lifecycle (Created → Picked → Packed → Dispatched → Delivered), in order. */
export const shipmentLifecycle = ['created', 'picked', 'packed', 'dispatched', 'delivered'] as const;
/** The lifecycle, plus `cancelled`: a shipment dropped before dispatch, for good. */
export const shipmentStatuses = [...shipmentLifecycle, 'cancelled'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

export interface ShipmentLine {
  readonly sku: string;
  readonly quantity: number;
}

/** A shipment as far as Support knows it; each field stays null until the fact carrying it is seen. */
export interface ShipmentSummary {
  readonly shipmentId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[] | null;
  readonly createdAt: string | null;
  readonly pickedAt: string | null;
  readonly packedAt: string | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly dispatchedAt: string | null;
  readonly deliveredAt: string | null;
  readonly cancelledAt: string | null;
}

/**
 * Status precedence: facts arrive in any order, so a status only ever moves forward in the
 * lifecycle — a late `created` never overwrites a `dispatched` seen before it — and `cancelled`
 * is terminal.
 */
export function laterStatus(a: ShipmentStatus, b: ShipmentStatus): ShipmentStatus {
  if (a === 'cancelled' || b === 'cancelled') return 'cancelled';
  return shipmentLifecycle.indexOf(a) >= shipmentLifecycle.indexOf(b) ? a : b;
}

/** What one fact says about a shipment; fields it does not know are left out. */
export type ShipmentUpdate = Pick<ShipmentSummary, 'shipmentId' | 'status'> & Partial<Omit<ShipmentSummary, 'shipmentId' | 'status'>>;

/** Merges a fact into the shipment list; commutative, so arrival order does not matter. */
export function withShipmentUpdate(shipments: readonly ShipmentSummary[], update: ShipmentUpdate): readonly ShipmentSummary[] {
  const existing = shipments.find((shipment) => shipment.shipmentId === update.shipmentId);
  // Every other field is fixed by the one fact that carries it (lines at creation, tracking at dispatch…).
  const known = <K extends keyof ShipmentUpdate>(field: K) => existing?.[field] ?? update[field] ?? null;
  const merged: ShipmentSummary = {
    shipmentId: update.shipmentId,
    status: existing ? laterStatus(existing.status, update.status) : update.status,
    lines: known('lines'),
    createdAt: known('createdAt'),
    pickedAt: known('pickedAt'),
    packedAt: known('packedAt'),
    carrier: known('carrier'),
    trackingNumber: known('trackingNumber'),
    dispatchedAt: known('dispatchedAt'),
    deliveredAt: known('deliveredAt'),
    cancelledAt: known('cancelledAt'),
  };
  const others = shipments.filter((shipment) => shipment.shipmentId !== update.shipmentId);
  return [...others, merged].sort(byCreationThenId);
}

/** Known creation times first, oldest first; unknown ones last; ties by id. */
function byCreationThenId(a: ShipmentSummary, b: ShipmentSummary): number {
  if (a.createdAt !== b.createdAt) {
    if (a.createdAt === null) return 1;
    if (b.createdAt === null) return -1;
  }
  return compareText(a.createdAt ?? '', b.createdAt ?? '') || compareText(a.shipmentId, b.shipmentId);
}
