import { AggregateRoot } from '@bazaar/shared-kernel';
import { Stamp } from '../stamp';
import { InsufficientStock, ReservedStockExceeded, StockBelowReserved, StockCountInvalid } from './stock-errors';

/** A stock item's state as persisted and reported. */
export interface StockItemSnapshot {
  readonly sku: string;
  /** Units in the warehouse, reserved or not. */
  readonly onHand: number;
  /** Units held for orders that have not shipped yet; never more than on hand. */
  readonly reserved: number;
  /** The last time someone set the counted stock, and who; null for a SKU never stocked. */
  readonly lastCounted: Stamp | null;
}

/**
 * The warehouse's stock of one SKU. Invariant: 0 ≤ reserved ≤ on hand. What is available to new
 * orders is on hand minus reserved. Which order holds which units is the Reservation's to know
 * (one per order): keeping every order's hold here would make each SKU's aggregate grow without
 * bound and be loaded whole on every reservation.
 *
 * It records no events: nothing outside Fulfillment listens to stock levels.
 */
export class StockItem extends AggregateRoot<never> {
  private constructor(
    private state: StockItemSnapshot,
    version: number,
  ) {
    super(version);
  }

  /** A SKU the warehouse has never counted: nothing on hand, nothing available. Stored only once counted. */
  static notStocked(sku: string): StockItem {
    return new StockItem({ sku, onHand: 0, reserved: 0, lastCounted: null }, 0);
  }

  static restore(snapshot: StockItemSnapshot, version: number): StockItem {
    return new StockItem(snapshot, version);
  }

  /** Sets the counted stock, as a person in the warehouse states it; refused below what is reserved. */
  count(onHand: number, counted: Stamp): void {
    if (!Number.isSafeInteger(onHand) || onHand < 0) throw new StockCountInvalid(this.sku, onHand);
    if (onHand < this.reserved) throw new StockBelowReserved(this.sku, onHand, this.reserved);
    this.state = { ...this.state, onHand, lastCounted: counted };
  }

  /** Holds units for an order. */
  reserve(quantity: number): void {
    if (quantity > this.available) throw new InsufficientStock(this.sku, quantity, this.available);
    this.state = { ...this.state, reserved: this.reserved + quantity };
  }

  /** Gives held units back to the shelf (the order was cancelled). */
  release(quantity: number): void {
    this.assertReserved(quantity);
    this.state = { ...this.state, reserved: this.reserved - quantity };
  }

  /** Held units left with a parcel: they are neither reserved nor on hand any more. */
  deduct(quantity: number): void {
    this.assertReserved(quantity);
    this.state = { ...this.state, reserved: this.reserved - quantity, onHand: this.onHand - quantity };
  }

  /** True once the warehouse has counted this SKU (even to 0). */
  get isStocked(): boolean {
    return this.state.lastCounted !== null;
  }

  get sku(): string {
    return this.state.sku;
  }

  get onHand(): number {
    return this.state.onHand;
  }

  get reserved(): number {
    return this.state.reserved;
  }

  get available(): number {
    return this.state.onHand - this.state.reserved;
  }

  snapshot(): StockItemSnapshot {
    return this.state;
  }

  private assertReserved(quantity: number): void {
    if (quantity > this.reserved) throw new ReservedStockExceeded(this.sku, quantity, this.reserved);
  }
}
