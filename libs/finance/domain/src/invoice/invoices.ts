import { EventCauses } from '../sale/sales';
import { Invoice } from './invoice';

/** The repository port: issued invoices. Their content is never written twice. */
export abstract class Invoices {
  /**
   * Adds issued invoices with their events (outbox), atomically and in as many statements however
   * many invoices there are. Throws ConcurrencyConflict when an order already has an invoice:
   * nothing is written then.
   */
  abstract addAll(invoices: readonly Invoice[], causes?: EventCauses): Promise<void>;

  /** One invoice, as `addAll` writes it. */
  add(invoice: Invoice): Promise<void> {
    return this.addAll([invoice]);
  }
}
