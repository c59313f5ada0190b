import { InvoiceLineRecorded, InvoiceLineRecordings } from '@bazaar/finance-domain';

/**
 * Records that the books of record posted an invoice line. Hearing it again changes nothing (the
 * first record stands); answers whether this was the first time.
 */
export class RecordInvoiceLineHandler {
  constructor(private readonly recordings: InvoiceLineRecordings) {}

  execute(command: InvoiceLineRecorded): Promise<boolean> {
    return this.recordings.record(command);
  }
}
