import { Invoice, InvoiceNumbers, Invoices, issuingYearOf, Recognition } from '@bazaar/finance-domain';
import { IdGenerator } from '@bazaar/shared-kernel';

/**
 * Policy: when a sale's revenue is recognized, its buyer is invoiced for what was sold, at the same
 * instant, in the same unit of work — so an order is recognized and invoiced together or not at all.
 * The number is the next of the issuing year, taken last, so that it is held for as short a time
 * as possible.
 */
export class InvoiceOnRecognition {
  constructor(
    private readonly invoices: Invoices,
    private readonly numbers: InvoiceNumbers,
    private readonly ids: IdGenerator,
  ) {}

  async issueFor({ entry, terms }: Recognition): Promise<Invoice> {
    const issuedAt = entry.recordedAt;
    const invoice = Invoice.issue({
      id: this.ids.next(),
      number: await this.numbers.next(issuingYearOf(issuedAt)),
      orderId: entry.orderId,
      buyerId: terms.buyerId,
      lines: terms.lines,
      total: terms.total,
      issuedAt,
    });
    await this.invoices.add(invoice);
    return invoice;
  }
}
