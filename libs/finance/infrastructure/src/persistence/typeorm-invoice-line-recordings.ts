import { InvoiceLineRecorded, InvoiceLineRecordings } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';

/** Which seller invoice lines the books of record posted; the first record of a line stands. */
export class TypeOrmInvoiceLineRecordings extends InvoiceLineRecordings {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async record({ invoiceId, lineNo, externalReference, recordedAt }: InvoiceLineRecorded): Promise<boolean> {
    const rows = (await this.transactions.manager.query(
      `INSERT INTO invoice_line_recordings (invoice_id, line_no, external_reference, recorded_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (invoice_id, line_no) DO NOTHING RETURNING invoice_id`,
      [invoiceId, lineNo, externalReference, recordedAt],
    )) as unknown[];
    return rows.length === 1;
  }
}
