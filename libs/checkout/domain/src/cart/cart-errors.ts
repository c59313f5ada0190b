import { DomainError } from '@bazaar/shared-kernel';

export class CartNotFound extends DomainError {
  readonly code = 'cart_not_found';
  readonly kind = 'not_found' as const;

  constructor(id: string) {
    super(`There is no cart ${id}`);
  }
}

export class CartLineNotFound extends DomainError {
  readonly code = 'cart_line_not_found';
  readonly kind = 'not_found' as const;

  constructor(cartId: string, sku: string) {
    super(`Cart ${cartId} has no line for ${sku}`);
  }
}

/** A checked-out cart has become an order; changing it would change nothing the buyer pays for. */
export class CartAlreadyCheckedOut extends DomainError {
  readonly code = 'cart_already_checked_out';
  readonly kind = 'conflict' as const;

  constructor(cartId: string) {
    super(`Cart ${cartId} is already checked out; start a new cart`);
  }
}

export class CartIsEmpty extends DomainError {
  readonly code = 'cart_is_empty';
  readonly kind = 'conflict' as const;

  constructor(cartId: string) {
    super(`Cart ${cartId} has no lines to check out`);
  }
}
