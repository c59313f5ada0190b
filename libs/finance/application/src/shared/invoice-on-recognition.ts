import { Invoice, InvoiceNumber, InvoiceNumbers, Invoices, issuingYearOf, Recognition } from '@bazaar/finance-domain';
import { IdGenerator } from '@bazaar/shared-kernel';

/** Revenue just earned, and what caused it (see SaleCommand). */
export interface CausedRecognition {
  readonly recognition: Recognition;
  readonly cause?: unknown;
}

/**
 * Policy: when a sale's revenue is recognized, its buyer is invoiced for what was sold, at the same
 * instant, in the same unit of work — so an order is recognized and invoiced together or not at all.
 * The numbers are the next of the issuing year, in the order the recognitions came, all of a year
 * taken at once and last, so that the year's counter is held for as short a time as possible.
 */
export class InvoiceOnRecognition {
  constructor(
    private readonly invoices: Invoices,
    private readonly numbers: InvoiceNumbers,
    private readonly ids: IdGenerator,
  ) {}

  async issueFor(recognitions: readonly CausedRecognition[]): Promise<Invoice[]> {
    if (recognitions.length === 0) return [];
    const ids = recognitions.map(() => this.ids.next());
    const years = recognitions.map(({ recognition }) => issuingYearOf(recognition.entry.recordedAt));
    const numbers = new Map<number, InvoiceNumber[]>();
    for (const year of new Set(years)) numbers.set(year, await this.numbers.take(year, years.filter((y) => y === year).length));
    const causes = new Map<object, unknown>();
    const issued = recognitions.map(({ recognition: { entry, terms }, cause }, i) => {
      const number = numbers.get(years[i] as number)?.shift();
      if (!number) throw new Error(`No invoice number for order ${entry.orderId}`);
      const invoice = Invoice.issue({
        id: ids[i] as string,
        number,
        orderId: entry.orderId,
        buyerId: terms.buyerId,
        lines: terms.lines,
        total: terms.total,
        issuedAt: entry.recordedAt,
      });
      for (const event of invoice.pendingEvents) causes.set(event, cause);
      return invoice;
    });
    await this.invoices.addAll(issued, causes);
    return issued;
  }
}
