import { InvoiceNumber } from './invoice-number';

/**
 * Hands out each year's invoice numbers: 1, 2, 3… with neither gaps nor duplicates, however many
 * issuers run at once. A number is taken inside the unit of work that issues the invoice and held
 * until it commits; if it rolls back, the number is given back, so every number handed out for
 * good belongs to an issued invoice.
 */
export abstract class InvoiceNumbers {
  abstract next(year: number): Promise<InvoiceNumber>;
}
