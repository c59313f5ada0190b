import { AggregateRoot, Money } from '@bazaar/shared-kernel';
import { PricedLine, pricedLines } from '../pricing/priced-line';
import { InvoiceBuyerMissing, InvoiceNumberOfAnotherYear } from './invoice-errors';
import { InvoiceEvent } from './invoice-events';
import { formatInvoiceNumber, InvoiceNumber, issuingYearOf } from './invoice-number';

/** What an issued invoice says; fixed for good once issued (a correction is a credit note, never an edit). */
export interface InvoiceContent {
  readonly id: string;
  readonly number: InvoiceNumber;
  readonly orderId: string;
  readonly buyerId: string;
  readonly lines: readonly PricedLine[];
  readonly total: Money;
  readonly issuedAt: Date;
}

/**
 * Whether the invoice has been paid, kept apart from what it says. `authorized`: the buyer's
 * payment method holds the total (authorized at checkout). Capture is not modelled yet; when it is,
 * it moves this state and never the content.
 */
export type InvoicePaymentState = 'authorized';

export interface InvoiceSnapshot {
  readonly content: InvoiceContent;
  readonly paymentState: InvoicePaymentState;
}

/**
 * The bill sent to the buyer of a dispatched order, for the order's lines: numbered in its issuing
 * year's gapless sequence, its content frozen once issued, its payment state on the side.
 */
export class Invoice extends AggregateRoot<InvoiceEvent> {
  private constructor(
    readonly content: InvoiceContent,
    readonly paymentState: InvoicePaymentState,
    version: number,
  ) {
    super(version);
  }

  /** Issues the invoice: the number must be of the issuing year (UTC), the lines must add up to the total. */
  static issue(content: InvoiceContent): Invoice {
    const invoice = new Invoice(checked(content), 'authorized', 0);
    const { id, number, orderId, buyerId, lines, total, issuedAt } = invoice.content;
    invoice.record({ type: 'InvoiceIssued', invoiceId: id, number, orderId, buyerId, lines, total, occurredAt: issuedAt });
    return invoice;
  }

  /** A stored invoice, checked again as it is read; it records no event. */
  static restore(snapshot: InvoiceSnapshot, version: number): Invoice {
    return new Invoice(checked(snapshot.content), snapshot.paymentState, version);
  }

  get id(): string {
    return this.content.id;
  }

  snapshot(): InvoiceSnapshot {
    return { content: this.content, paymentState: this.paymentState };
  }
}

function checked(content: InvoiceContent): InvoiceContent {
  if (content.number.year !== issuingYearOf(content.issuedAt)) throw new InvoiceNumberOfAnotherYear(formatInvoiceNumber(content.number), content.issuedAt);
  if (content.buyerId.trim() === '') throw new InvoiceBuyerMissing(content.id);
  const lines = pricedLines(content.lines, content.total);
  return Object.freeze({ ...content, number: Object.freeze({ ...content.number }), lines, total: Object.freeze({ ...content.total }) });
}
