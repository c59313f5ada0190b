import { invoiceNumber, InvoiceNumber, InvoiceNumbers } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';

/**
 * The year's counter row, incremented in the caller's transaction: the row stays locked until it
 * commits, so concurrent issuers (any replica) take numbers one after another, and a rollback
 * undoes the increments — no number is burnt. (A SEQUENCE would burn one on every rollback.) The
 * first number of a year inserts the row; a concurrent first insert waits and then increments.
 * Several numbers are taken in one round trip (`take_invoice_numbers`, a step of the counter per
 * number). Called outside a transaction the numbers would commit with no invoice: a deferred
 * trigger refuses that.
 */
export class TypeOrmInvoiceNumbers extends InvoiceNumbers {
  constructor(
    private readonly transactions: Transactions,
    /** The series' counter table: the buyers' invoices' unless told (seller invoices count in their own). */
    private readonly counters: 'invoice_number_counters' | 'seller_invoice_number_counters' = 'invoice_number_counters',
  ) {
    super();
  }

  take(year: number, count: number): Promise<InvoiceNumber[]> {
    if (count === 0) return Promise.resolve([]);
    return this.transactions.run(async (manager) => {
      const rows = (await manager.query(`SELECT taken.number FROM take_invoice_numbers($1::regclass, $2, $3) WITH ORDINALITY AS taken (number, step) ORDER BY taken.step`, [
        this.counters,
        year,
        count,
      ])) as { number: number }[];
      if (rows.length !== count) throw new Error(`${rows.length} invoice numbers for ${year} instead of ${count}`);
      return rows.map((row) => invoiceNumber(year, row.number));
    });
  }
}
