import { EventCauses, formatInvoiceNumber, Invoice, InvoiceEvent, Invoices, InvoiceSnapshot } from '@bazaar/finance-domain';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { InvoiceDetails, InvoiceQueries } from '../ports/invoice-queries';
import { Transactional } from '@bazaar/shared-kernel/testing';

/** Issued invoices in a list, one per order as in the real store, with their events (the outbox) and the read side. */
export class InMemoryInvoices extends Invoices implements InvoiceQueries, Transactional {
  #issued: InvoiceSnapshot[] = [];
  #published: InvoiceEvent[] = [];
  #causes = new Map<object, unknown>();

  /** How many times `addAll` was called. */
  calls = 0;

  async addAll(invoices: readonly Invoice[], causes: EventCauses = new Map()): Promise<void> {
    this.calls += 1;
    const orders = new Set(this.#issued.map(({ content }) => content.orderId));
    for (const { content } of invoices) {
      if (orders.has(content.orderId)) throw new ConcurrencyConflict('Invoice for order', content.orderId);
      orders.add(content.orderId);
    }
    this.#issued = [...this.#issued, ...invoices.map((invoice) => invoice.snapshot())];
    this.#published = [...this.#published, ...invoices.flatMap((invoice) => invoice.pendingEvents)];
    for (const [event, cause] of causes) this.#causes.set(event, cause);
  }

  /** What caused an invoice event, as the handler told. */
  causeOf(event: InvoiceEvent): unknown {
    return this.#causes.get(event);
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
