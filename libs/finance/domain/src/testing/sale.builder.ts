import { IdGenerator } from '@bazaar/shared-kernel';
import { Dispatch } from '../sale/dispatch';
import { Sale } from '../sale/sale';
import { SaleTerms } from '../sale/sale-terms';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** The recorded examples' order: two mugs and a tea for 33.99 EUR, bought by buyer-42. */
export const someTerms = (): SaleTerms => ({
  buyerId: 'buyer-42',
  lines: [
    { sku: 'MUG-BLUE', quantity: 2, unitPrice: eur(1250), lineTotal: eur(2500) },
    { sku: 'TEA-EARL', quantity: 1, unitPrice: eur(899), lineTotal: eur(899) },
  ],
  total: eur(3399),
});

export const someDispatch = (overrides: Partial<Dispatch> = {}): Dispatch => ({
  shipmentId: 'c0ffee00-1234-4abc-8def-0123456789ab',
  dispatchedAt: new Date('2026-11-22T14:00:00.000Z'),
  ...overrides,
});

/** Names entries `entry-1`, `entry-2`, … in the order they are recorded. */
export class EntryIds extends IdGenerator {
  #next = 1;

  next(): string {
    return `entry-${this.#next++}`;
  }
}

type Step = (sale: Sale, ids: IdGenerator) => unknown;

/**
 * Test data for sales: the facts Finance has heard about an order, applied in the order given, then
 * stored and read back (so the sale built has no pending events, like one loaded from its store).
 */
export class SaleBuilder {
  private orderId = '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f';
  private readonly steps: Step[] = [];
  private readonly at = new Date('2026-11-21T10:00:00.000Z');

  forOrder(orderId: string): this {
    this.orderId = orderId;
    return this;
  }

  paid(terms: SaleTerms = someTerms()): this {
    this.steps.push((sale, ids) => sale.defer(terms, this.at, ids));
    return this;
  }

  dispatched(dispatch: Dispatch = someDispatch()): this {
    this.steps.push((sale, ids) => sale.recordDispatch(dispatch, this.at, ids));
    return this;
  }

  cancelled(): this {
    this.steps.push((sale, ids) => sale.cancel(this.at, ids));
    return this;
  }

  build(ids: IdGenerator = new EntryIds()): Sale {
    const sale = Sale.open(this.orderId);
    for (const step of this.steps) step(sale, ids);
    return Sale.restore(sale.snapshot(), 1);
  }
}

export const aSale = () => new SaleBuilder();
