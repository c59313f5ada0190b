import { DomainError } from '@bazaar/shared-kernel';

/** Counted stock is a whole, non-negative number of units. */
export class StockCountInvalid extends DomainError {
  readonly code = 'stock_count_invalid';
  readonly kind = 'invalid' as const;

  constructor(sku: string, onHand: number) {
    super(`Stock of ${sku} must be a whole number of units, 0 or more; got ${onHand}`);
  }
}

/** Units held for orders are on the shelf: the count cannot go below them until they ship or are released. */
export class StockBelowReserved extends DomainError {
  readonly code = 'stock_below_reserved';
  readonly kind = 'conflict' as const;

  constructor(sku: string, onHand: number, reserved: number) {
    super(`Cannot set stock of ${sku} to ${onHand}: ${reserved} units are reserved for orders`);
  }
}

/** A reservation asked for more than is free; the reserving policy checks availability first, so this is a bug's guard. */
export class InsufficientStock extends DomainError {
  readonly code = 'insufficient_stock';
  readonly kind = 'conflict' as const;

  constructor(sku: string, requested: number, available: number) {
    super(`Cannot reserve ${requested} of ${sku}: ${available} available`);
  }
}

/** Releasing or shipping more than is reserved would break "reserved ≤ on hand" from the other side. */
export class ReservedStockExceeded extends DomainError {
  readonly code = 'reserved_stock_exceeded';
  readonly kind = 'conflict' as const;

  constructor(sku: string, quantity: number, reserved: number) {
    super(`Cannot take ${quantity} of ${sku} out of its reservations: only ${reserved} reserved`);
  }
}
