import { compareText } from './timeline';

/** Fulfillment's shipment lifecycle (Created → Picked → Packed → Dispatched → Delivered), in order. */
export const shipmentLifecycle = ['created', 'picked', 'packed', 'dispatched', 'delivered'] as const;
export type ShipmentStatus = (typeof shipmentLifecycle)[number];

export interface ShipmentLine {
  readonly sku: string;
  readonly quantity: number;
}

/** A shipment as far as Support knows it; lines and creation time stay null until its creation is seen. */
export interface ShipmentSummary {
  readonly shipmentId: string;
  readonly status: ShipmentStatus;
  readonly lines: readonly ShipmentLine[] | null;
  readonly createdAt: string | null;
}

/**
 * Status precedence: facts arrive in any order, so a status only ever moves forward in the
 * lifecycle — a late `created` never overwrites a `dispatched` seen before it.
 */
export function laterStatus(a: ShipmentStatus, b: ShipmentStatus): ShipmentStatus {
  return shipmentLifecycle.indexOf(a) >= shipmentLifecycle.indexOf(b) ? a : b;
}

/** What one fact says about a shipment; fields it does not know are left out. */
export interface ShipmentUpdate {
  readonly shipmentId: string;
  readonly status: ShipmentStatus;
  readonly lines?: readonly ShipmentLine[];
  readonly createdAt?: string;
}

/** Merges a fact into the shipment list; commutative, so arrival order does not matter. */
export function withShipmentUpdate(shipments: readonly ShipmentSummary[], update: ShipmentUpdate): readonly ShipmentSummary[] {
  const existing = shipments.find((shipment) => shipment.shipmentId === update.shipmentId);
  const merged: ShipmentSummary = {
    shipmentId: update.shipmentId,
    status: existing ? laterStatus(existing.status, update.status) : update.status,
    // Lines and creation time are fixed at creation: only the creation fact carries them.
    lines: existing?.lines ?? update.lines ?? null,
    createdAt: existing?.createdAt ?? update.createdAt ?? null,
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
