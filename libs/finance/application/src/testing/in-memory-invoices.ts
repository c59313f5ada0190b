import { formatInvoiceNumber, Invoice, InvoiceEvent, Invoices, InvoiceSnapshot } from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { InvoiceDetails, InvoiceQueries } from '../ports/invoice-queries';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** Issued invoices in a list, one per order as in the real store, with their events (the outbox) and the read side. */
export class InMemoryInvoices extends Invoices implements InvoiceQueries, Transactional {
  #issued: InvoiceSnapshot[] = [];
  #published: InvoiceEvent[] = [];

  async add(invoice: Invoice): Promise<void> {
    const { content } = invoice;
    if (this.#issued.some((issued) => issued.content.orderId === content.orderId)) throw new ConcurrencyConflict('Invoice for order', content.orderId);
    this.#issued = [...this.#issued, invoice.snapshot()];
    this.#published = [...this.#published, ...invoice.pendingEvents];
  }

  async ofOrder(orderId: string): Promise<readonly InvoiceDetails[]> {
    return this.#issued.filter(({ content }) => content.orderId === orderId).map(details);
  }

  async byId(invoiceId: string): Promise<InvoiceDetails | undefined> {
    const found = this.#issued.find(({ content }) => content.id === invoiceId);
    return found && details(found);
  }

  get published(): readonly InvoiceEvent[] {
    return this.#published;
  }

  /** Every issued invoice's number, in the order issued. */
  get numbers(): string[] {
    return this.#issued.map(({ content }) => formatInvoiceNumber(content.number));
  }

  snapshot(): () => void {
    const issued = this.#issued;
    const published = this.#published;
    return () => {
      this.#issued = issued;
      this.#published = published;
    };
  }
}

function details({ content, paymentState }: InvoiceSnapshot): InvoiceDetails {
  const { id, number, orderId, buyerId, lines, total, issuedAt } = content;
  return { invoiceId: id, invoiceNumber: formatInvoiceNumber(number), orderId, buyerId, lines, total, issuedAt, paymentState };
}
