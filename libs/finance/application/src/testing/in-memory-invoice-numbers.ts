import { invoiceNumber, InvoiceNumber, InvoiceNumbers } from '@bazaar/finance-domain';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** A counter per year, given back on rollback like the real one (a row updated in the caller's transaction). */
export class InMemoryInvoiceNumbers extends InvoiceNumbers implements Transactional {
  #last = new Map<number, number>();

  async take(year: number, count: number): Promise<InvoiceNumber[]> {
    const last = this.#last.get(year) ?? 0;
    this.#last.set(year, last + count);
    return Array.from({ length: count }, (_, i) => invoiceNumber(year, last + i + 1));
  }

  snapshot(): () => void {
    const last = new Map(this.#last);
    return () => {
      this.#last = last;
    };
  }
}
