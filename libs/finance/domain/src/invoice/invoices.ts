import { Invoice } from './invoice';

/** The repository port: issued invoices. Their content is never written twice. */
export abstract class Invoices {
  /**
   * Adds an issued invoice with its events (outbox), atomically. Throws ConcurrencyConflict when the
   * order already has an invoice.
   */
  abstract add(invoice: Invoice): Promise<void>;
}
