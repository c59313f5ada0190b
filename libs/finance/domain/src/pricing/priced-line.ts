import { Money, money } from '@bazaar/shared-kernel';
import { PricedLinesInvalid } from './priced-lines-invalid';

/** One line of what was sold, as Checkout priced it: `lineTotal` = `quantity` × `unitPrice`. */
export interface PricedLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
}

/**
 * The rule every sale and invoice keeps: at least one line, a SKU and a positive whole quantity on
 * each, every amount in integer minor units of one currency, each line total its quantity times its
 * unit price, and `total` their sum. Answers the lines frozen.
 */
export function pricedLines(lines: readonly PricedLine[], total: Money): readonly PricedLine[] {
  if (lines.length === 0) throw new PricedLinesInvalid('there are no lines');
  let sum = 0;
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1} (${line.sku})`;
    if (line.sku.trim() === '') throw new PricedLinesInvalid(`line ${index + 1} has no SKU`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new PricedLinesInvalid(`${where} has quantity ${line.quantity}`);
    for (const amount of [line.unitPrice, line.lineTotal]) {
      if (!Number.isSafeInteger(amount.amount) || amount.amount < 0) throw new PricedLinesInvalid(`${where} has an amount of ${amount.amount}`);
      if (amount.currency !== total.currency) throw new PricedLinesInvalid(`${where} is in ${amount.currency}, the total in ${total.currency}`);
    }
    if (line.lineTotal.amount !== line.quantity * line.unitPrice.amount) {
      throw new PricedLinesInvalid(`${where} totals ${line.lineTotal.amount}, not ${line.quantity} × ${line.unitPrice.amount}`);
    }
    sum += line.lineTotal.amount;
  }
  if (sum !== total.amount) throw new PricedLinesInvalid(`the lines add up to ${sum}, the total says ${total.amount}`);
  return Object.freeze(lines.map((line) => Object.freeze({ ...line, unitPrice: frozen(line.unitPrice), lineTotal: frozen(line.lineTotal) })));
}

function frozen(amount: Money): Money {
  return Object.freeze(money(amount.amount, amount.currency));
}
