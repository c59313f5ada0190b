import { invoiceNumber, InvoiceNumber, InvoiceNumbers } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';

/**
 * The year's counter row, incremented in the caller's transaction: the row stays locked until it
 * commits, so concurrent issuers (any replica) take numbers one after another, and a rollback
 * undoes the increment — no number is burnt. (A SEQUENCE would burn one on every rollback.) The
 * first number of a year inserts the row; a concurrent first insert waits and then increments.
 * Called outside a transaction the number would commit with no invoice: a deferred trigger refuses that.
 */
export class TypeOrmInvoiceNumbers extends InvoiceNumbers {
  constructor(
    private readonly transactions: Transactions,
    /** The series' counter table: the buyers' invoices' unless told (seller invoices count in their own). */
    private readonly counters: 'invoice_number_counters' | 'seller_invoice_number_counters' = 'invoice_number_counters',
  ) {
    super();
  }

  next(year: number): Promise<InvoiceNumber> {
    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO ${this.counters} AS counter (year, last_number) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_number = counter.last_number + 1
         RETURNING counter.last_number`,
        [year],
      )) as { last_number: number }[];
      if (!row) throw new Error(`No invoice number for ${year}`);
      return invoiceNumber(year, row.last_number);
    });
  }
}
