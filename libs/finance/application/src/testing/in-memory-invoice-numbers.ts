import { invoiceNumber, InvoiceNumber, InvoiceNumbers } from '@bazaar/finance-domain';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** A counter per year, given back on rollback like the real one (a row updated in the caller's transaction). */
export class InMemoryInvoiceNumbers extends InvoiceNumbers implements Transactional {
  #last = new Map<number, number>();

  async next(year: number): Promise<InvoiceNumber> {
    const sequence = (this.#last.get(year) ?? 0) + 1;
    this.#last.set(year, sequence);
    return invoiceNumber(year, sequence);
  }

  snapshot(): () => void {
    const last = new Map(this.#last);
    return () => {
      this.#last = last;
    };
  }
}
