import { Money, money, multiplyMoney, sumMoney } from '@bazaar/shared-kernel';
import { DuplicateSku, InvalidQuantity, MixedCurrencies, NonPositivePrice, OrderHasNoLines, OrderLineLimitExceeded } from './order-errors';

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

/** Checks every line rule and prices the lines; the order's total follows from them. */
export function priceLines(requested: readonly RequestedLine[]): { lines: OrderLine[]; total: Money } {
  if (requested.length === 0) throw new OrderHasNoLines();
  if (requested.length > orderLimits.maxLines) throw new OrderLineLimitExceeded(orderLimits.maxLines, requested.length);
  const currency = requested[0]!.unitPrice.currency;
  const seen = new Set<string>();
  const lines = requested.map((line) => {
    if (line.unitPrice.currency !== currency) throw new MixedCurrencies(currency, line.sku, line.unitPrice.currency);
    if (seen.has(line.sku)) throw new DuplicateSku(line.sku);
    seen.add(line.sku);
    return priceLine(line);
  });
  return { lines, total: totalOf(lines, currency) };
}

function priceLine({ sku, quantity, unitPrice }: RequestedLine): OrderLine {
  const { minQuantity, maxQuantity } = orderLimits;
  if (!Number.isInteger(quantity) || quantity < minQuantity || quantity > maxQuantity) {
    throw new InvalidQuantity(sku, quantity, minQuantity, maxQuantity);
  }
  if (unitPrice.amount <= 0) throw new NonPositivePrice(sku, unitPrice.amount);
  const price = money(unitPrice.amount, unitPrice.currency);
  return { sku, quantity, unitPrice: price, lineTotal: multiplyMoney(price, quantity) };
}

export function totalOf(lines: readonly OrderLine[], currency: string): Money {
  return sumMoney(
    lines.map((line) => line.lineTotal),
    currency,
  );
}
