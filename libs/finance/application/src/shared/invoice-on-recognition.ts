import { Invoice, InvoiceNumbers, Invoices, issuingYearOf, Recognition } from '@bazaar/finance-domain';
import { IdGenerator } from '@bazaar/shared-kernel';

/** Revenue just earned, and what caused it (see SaleCommand). */
export interface CausedRecognition {
  readonly recognition: Recognition;
  readonly cause?: unknown;
}

/**
 * Policy: when a sale's revenue is recognized, its buyer is invoiced for what was sold, at the same
 * instant, in the same unit of work — so an order is recognized and invoiced together or not at all.
 * The numbers are the next of the issuing year, one per invoice in the order the recognitions came,
 * taken last, so that the year's counter is held for as short a time as possible.
 */
export class InvoiceOnRecognition {
  constructor(
    private readonly invoices: Invoices,
    private readonly numbers: InvoiceNumbers,
    private readonly ids: IdGenerator,
  ) {}

  async issueFor(recognitions: readonly CausedRecognition[]): Promise<Invoice[]> {
    if (recognitions.length === 0) return [];
    const issued: Invoice[] = [];
    const causes = new Map<object, unknown>();
    for (const { recognition, cause } of recognitions) {
      const { entry, terms } = recognition;
      const issuedAt = entry.recordedAt;
      const id = this.ids.next();
      // One counter step per invoice: the database allows it to move by one at a time only.
      const number = await this.numbers.next(issuingYearOf(issuedAt));
      const invoice = Invoice.issue({ id, number, orderId: entry.orderId, buyerId: terms.buyerId, lines: terms.lines, total: terms.total, issuedAt });
      for (const event of invoice.pendingEvents) causes.set(event, cause);
      issued.push(invoice);
    }
    await this.invoices.addAll(issued, causes);
    return issued;
  }
}
