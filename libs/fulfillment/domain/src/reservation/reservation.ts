import { AggregateRoot, assertNever } from '@bazaar/shared-kernel';
import { shipmentLines } from '../shipment/shipment-line';
import { StockItem } from '../stock/stock-item';
import { ReservationAlreadyShipped, ReservationNotHeld } from './reservation-errors';
import { ReservationEvent } from './reservation-events';
import { ReservationLine, UnavailableLine } from './reservation-line';
import { ReservationStatus } from './reservation-status';

/** A reservation's state as persisted. */
export interface ReservationSnapshot {
  /** The Checkout order it is for: at most one reservation per order, ever. */
  readonly orderId: string;
  readonly status: ReservationStatus;
  /** What the order asked for, one line per SKU; empty for an order cancelled before its payment was seen. */
  readonly lines: readonly ReservationLine[];
  /** Why a refused reservation was refused; empty otherwise. */
  readonly unavailable: readonly UnavailableLine[];
  /** When it was reserved, refused, or recorded as cancelled. */
  readonly decidedAt: Date;
  /** When a held reservation was released or shipped; null while it holds stock, or never held any. */
  readonly endedAt: Date | null;
}

/** The stock items a reservation touches, by SKU, as loaded (and held) by the caller. */
export type StockBySku = ReadonlyMap<string, StockItem>;

export interface ReservationRequest {
  readonly orderId: string;
  readonly lines: readonly ReservationLine[];
  /** From the Clock. */
  readonly at: Date;
}

/**
 * An order's claim on the warehouse's stock: all of its lines or none. It is the one place that
 * knows which order holds which units, and its identity — the order — is what makes "a reservation
 * for an order is made at most once" hold: there is one per order, ever.
 *
 * Reserving, releasing and shipping change several StockItems together with the Reservation, in
 * one transaction: a deliberate exception to "one aggregate per transaction" (docs/fulfillment.md
 * says why). The caller loads those stock items held, in SKU order, and saves them with it.
 */
export class Reservation extends AggregateRoot<ReservationEvent> {
  private constructor(
    private state: ReservationSnapshot,
    version: number,
  ) {
    super(version);
  }

  /**
   * ReserveInventory: holds every line in `stock` when each SKU is stocked with enough units free;
   * otherwise holds nothing and says which lines fell short and why. The lines obey a shipment's
   * rules (at least one, one per SKU, whole positive quantities): they become its lines.
   */
  static decide(request: ReservationRequest, stock: StockBySku): Reservation {
    const lines = shipmentLines(request.orderId, request.lines);
    const unavailable = lines.flatMap((line) => shortfallOf(line, stock.get(line.sku)));
    const decided = { orderId: request.orderId, lines, decidedAt: request.at, endedAt: null };
    if (unavailable.length > 0) {
      const refused = new Reservation({ ...decided, status: 'refused', unavailable }, 0);
      refused.record({ type: 'InventoryReservationFailed', orderId: request.orderId, unavailable, occurredAt: request.at });
      return refused;
    }
    for (const line of lines) itemOf(stock, line.sku).reserve(line.quantity);
    const reserved = new Reservation({ ...decided, status: 'reserved', unavailable: [] }, 0);
    reserved.record({ type: 'InventoryReserved', orderId: request.orderId, lines, occurredAt: request.at });
    return reserved;
  }

  /** Remembers an order cancelled before its payment reached Fulfillment: nothing will be reserved for it. */
  static cancelledBeforePayment(orderId: string, at: Date): Reservation {
    return new Reservation({ orderId, status: 'cancelled', lines: [], unavailable: [], decidedAt: at, endedAt: null }, 0);
  }

  static restore(snapshot: ReservationSnapshot, version: number): Reservation {
    return new Reservation(snapshot, version);
  }

  /**
   * The order was cancelled: held units go back to the shelf. Nothing is held by a refused, released
   * or cancelled reservation, so those change nothing (and answer false). Shipped units are gone.
   */
  release(stock: StockBySku, at: Date): boolean {
    const { status } = this.state;
    switch (status) {
      case 'reserved':
        for (const line of this.lines) itemOf(stock, line.sku).release(line.quantity);
        this.state = { ...this.state, status: 'released', endedAt: at };
        return true;
      case 'refused':
      case 'released':
      case 'cancelled':
        return false;
      case 'shipped':
        throw new ReservationAlreadyShipped(this.orderId);
      default:
        return assertNever(status);
    }
  }

  /** The parcel left: the held units leave the warehouse (on hand and reserved both go down). */
  ship(stock: StockBySku, at: Date): void {
    if (this.state.status !== 'reserved') throw new ReservationNotHeld(this.orderId, this.state.status);
    for (const line of this.lines) itemOf(stock, line.sku).deduct(line.quantity);
    this.state = { ...this.state, status: 'shipped', endedAt: at };
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): ReservationStatus {
    return this.state.status;
  }

  get lines(): readonly ReservationLine[] {
    return this.state.lines;
  }

  /** The SKUs whose stock this reservation holds, in the order every caller locks them. */
  get skus(): readonly string[] {
    return skusInLockOrder(this.lines);
  }

  snapshot(): ReservationSnapshot {
    return this.state;
  }
}

/** SKUs sorted by code unit, the one order in which every unit of work holds stock items. */
export function skusInLockOrder(lines: readonly { readonly sku: string }[]): readonly string[] {
  return [...new Set(lines.map((line) => line.sku))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function shortfallOf(line: ReservationLine, item: StockItem | undefined): UnavailableLine[] {
  if (!item?.isStocked) return [{ sku: line.sku, requested: line.quantity, available: 0, reason: 'not_stocked' }];
  if (item.available < line.quantity) return [{ sku: line.sku, requested: line.quantity, available: item.available, reason: 'insufficient_stock' }];
  return [];
}

function itemOf(stock: StockBySku, sku: string): StockItem {
  const item = stock.get(sku);
  // The caller loads every SKU of the lines; a missing one is a bug in the caller, not a rule.
  if (!item) throw new Error(`Stock item ${sku} was not loaded with its reservation`);
  return item;
}
