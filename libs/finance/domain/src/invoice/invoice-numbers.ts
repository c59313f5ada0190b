import { InvoiceNumber } from './invoice-number';

/**
 * Hands out each year's invoice numbers: 1, 2, 3… with neither gaps nor duplicates, however many
 * issuers run at once. Numbers are taken inside the unit of work that issues their invoices and
 * held until it commits; if it rolls back, they are given back, so every number handed out for
 * good belongs to an issued invoice.
 */
export abstract class InvoiceNumbers {
  /** The year's next `count` numbers, in order, for as many invoices issued together. */
  abstract take(year: number, count: number): Promise<InvoiceNumber[]>;

  /** The year's next number. */
  async next(year: number): Promise<InvoiceNumber> {
    const [number] = await this.take(year, 1);
    if (!number) throw new Error(`No invoice number for ${year}`);
    return number;
  }
}
