import { Money } from '@bazaar/shared-kernel';
import { PricedLine, pricedLines } from '../pricing/priced-line';
import { SaleTermsInvalid } from './sale-errors';

/**
 * What was sold to whom, for how much: the buyer, the lines and the total as Checkout priced them
 * when the payment was authorized. Fixed once known; the invoice is made of them.
 */
export interface SaleTerms {
  readonly buyerId: string;
  readonly lines: readonly PricedLine[];
  readonly total: Money;
}

/** Checks the terms (a buyer, lines that add up to the total) and answers them frozen. */
export function saleTerms(terms: SaleTerms): SaleTerms {
  if (terms.buyerId.trim() === '') throw new SaleTermsInvalid('there is no buyer');
  const lines = pricedLines(terms.lines, terms.total);
  return Object.freeze({ buyerId: terms.buyerId, lines, total: Object.freeze({ ...terms.total }) });
}
