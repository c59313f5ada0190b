import { isCurrency, Money, money, multiplyMoney, sumMoney } from '@bazaar/shared-kernel';
import { DuplicateSku, InvalidCurrency, InvalidQuantity, MixedCurrencies, NonPositivePrice, OrderHasNoLines, OrderLineLimitExceeded } from './order-errors';

/** What the buyer asked for on one line. */
export interface RequestedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

export interface OrderLine extends RequestedLine {
  readonly lineTotal: Money;
}

export const orderLimits = { maxLines: 50, minQuantity: 1, maxQuantity: 999 } as const;

/**
 * The line rules, shared by the Order (all lines at once, when it is placed) and the Cart (one line
 * at a time, as the buyer edits it), so both paths refuse the same things with the same codes.
 */
export function checkLineCount(count: number): void {
  if (count > orderLimits.maxLines) throw new OrderLineLimitExceeded(orderLimits.maxLines, count);
}

/** Checks one line against the rules and prices it in `currency`. */
export function priceLine({ sku, quantity, unitPrice }: RequestedLine, currency: string): OrderLine {
  if (!isCurrency(currency)) throw new InvalidCurrency(currency);
  if (unitPrice.currency !== currency) throw new MixedCurrencies(currency, sku, unitPrice.currency);
  const { minQuantity, maxQuantity } = orderLimits;
  if (!Number.isInteger(quantity) || quantity < minQuantity || quantity > maxQuantity) {
    throw new InvalidQuantity(sku, quantity, minQuantity, maxQuantity);
  }
  if (unitPrice.amount <= 0) throw new NonPositivePrice(sku, unitPrice.amount);
  const price = money(unitPrice.amount, unitPrice.currency);
  return { sku, quantity, unitPrice: price, lineTotal: multiplyMoney(price, quantity) };
}

/** Checks every line rule and prices the lines; the order's total follows from them. */
export function priceLines(requested: readonly RequestedLine[]): { lines: OrderLine[]; total: Money } {
  const currency = currencyOf(requested);
  checkLineCount(requested.length);
  const seen = new Set<string>();
  const lines = requested.map((line) => {
    if (seen.has(line.sku)) throw new DuplicateSku(line.sku);
    seen.add(line.sku);
    return priceLine(line, currency);
  });
  return { lines, total: totalOf(lines, currency) };
}

/** An order is priced in the currency of its lines, and has at least one. */
export function currencyOf(lines: readonly RequestedLine[]): string {
  const [first] = lines;
  if (!first) throw new OrderHasNoLines();
  return first.unitPrice.currency;
}

export function totalOf(lines: readonly OrderLine[], currency: string): Money {
  return sumMoney(
    lines.map((line) => line.lineTotal),
    currency,
  );
}
