import { isCurrency } from '@bazaar/shared-kernel';
import { FraudPolicySettings } from '../fraud/fraud-settings';
import { CurrencyNotAccepted, InvalidCurrency } from '../order/order-errors';

/**
 * The currencies Checkout takes carts and orders in: ISO 4217 money (the kernel's table) for which
 * a fraud review threshold is configured. An order the fraud policy could not judge is refused
 * up front rather than let through or parked in review.
 */
export class AcceptedCurrencies {
  private readonly accepted: ReadonlySet<string>;

  constructor(codes: Iterable<string>) {
    this.accepted = new Set(codes);
  }

  static of(fraud: FraudPolicySettings): AcceptedCurrencies {
    return new AcceptedCurrencies(Object.keys(fraud.largeOrder.minimumTotals));
  }

  assertAccepted(currency: string): void {
    if (!isCurrency(currency)) throw new InvalidCurrency(currency);
    if (!this.accepted.has(currency)) throw new CurrencyNotAccepted(currency);
  }
}
