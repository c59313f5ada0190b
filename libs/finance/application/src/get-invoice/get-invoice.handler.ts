import { InvoiceNotFound } from '@bazaar/finance-domain';
import { InvoiceDetails, InvoiceQueries } from '../ports/invoice-queries';
import { GetInvoice } from './get-invoice.query';

/** One invoice; an unknown id is InvoiceNotFound. */
export class GetInvoiceHandler {
  constructor(private readonly invoices: InvoiceQueries) {}

  async execute(query: GetInvoice): Promise<InvoiceDetails> {
    const invoice = await this.invoices.byId(query.invoiceId);
    if (!invoice) throw new InvoiceNotFound(query.invoiceId);
    return invoice;
  }
}
