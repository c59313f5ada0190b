import { DomainError } from '@bazaar/shared-kernel';

/** A request breaks one of the order's line rules (placing an order or editing the cart that becomes one); the caller must change it (422). */
abstract class OrderRuleBroken extends DomainError {
  readonly kind = 'invalid' as const;
}

export class OrderHasNoLines extends OrderRuleBroken {
  readonly code = 'order_has_no_lines';

  constructor() {
    super('An order needs at least one line');
  }
}

export class OrderLineLimitExceeded extends OrderRuleBroken {
  readonly code = 'order_line_limit_exceeded';

  constructor(
    readonly limit: number,
    count: number,
  ) {
    super(`An order, and so a cart, has at most ${limit} lines, got ${count}`);
  }
}

export class InvalidQuantity extends OrderRuleBroken {
  readonly code = 'invalid_quantity';

  constructor(sku: string, quantity: number, min: number, max: number) {
    super(`Quantity of ${sku} must be a whole number from ${min} to ${max}, got ${quantity}`);
  }
}

export class NonPositivePrice extends OrderRuleBroken {
  readonly code = 'non_positive_price';

  constructor(sku: string, amount: number) {
    super(`Unit price of ${sku} must be greater than zero, got ${amount}`);
  }
}

export class MixedCurrencies extends OrderRuleBroken {
  readonly code = 'mixed_currencies';

  constructor(orderCurrency: string, sku: string, lineCurrency: string) {
    super(`All lines share one currency: ${sku} is priced in ${lineCurrency}, the order or cart in ${orderCurrency}`);
  }
}

/** Not money a buyer pays with: an unknown code, a precious metal, a test or funds code (the table is the kernel's). */
export class InvalidCurrency extends OrderRuleBroken {
  readonly code = 'invalid_currency';

  constructor(currency: string) {
    super(`${currency} is not an ISO 4217 currency that buyers pay with`);
  }
}

/** A currency the marketplace has set no fraud review threshold for: it takes no orders in it. */
export class CurrencyNotAccepted extends OrderRuleBroken {
  readonly code = 'currency_not_accepted';

  constructor(currency: string) {
    super(`Checkout takes no orders in ${currency}: no fraud review threshold is configured for it`);
  }
}

/** One line per SKU: a repeated SKU is a client mistake, not a request to add quantities. */
export class DuplicateSku extends OrderRuleBroken {
  readonly code = 'duplicate_sku';

  constructor(sku: string) {
    super(`SKU ${sku} appears on more than one line; send one line per SKU with the total quantity`);
  }
}

export class OrderNotFound extends DomainError {
  readonly code = 'order_not_found';
  readonly kind = 'not_found' as const;

  constructor(id: string) {
    super(`There is no order ${id}`);
  }
}
