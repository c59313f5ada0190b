import { AggregateRoot, DomainError, Money, sumMoney } from '@bazaar/shared-kernel';
import { InvoiceNumber, issuingYearOf, formatInvoiceNumber } from '../invoice/invoice-number';
import { InvoiceNumberOfAnotherYear } from '../invoice/invoice-errors';
import { SubscriptionPeriod } from '../subscription/subscription-period';

/** One thing a seller is billed for in a period: today the plan's fee, later perhaps fees per sale. */
export interface SellerInvoiceLine {
  readonly lineNo: number;
  readonly description: string;
  readonly amount: Money;
}

/** What a seller's invoice for one subscription period says; fixed once issued. */
export interface SellerInvoiceContent {
  readonly id: string;
  readonly number: InvoiceNumber;
  readonly subscriptionId: string;
  readonly sellerId: string;
  readonly billingAccountId: string;
  readonly plan: string;
  readonly period: SubscriptionPeriod;
  readonly lines: readonly SellerInvoiceLine[];
  readonly total: Money;
  readonly issuedAt: Date;
}

/** Finance issued a seller the invoice of one subscription period. */
export interface SellerInvoiceIssued {
  readonly type: 'SellerInvoiceIssued';
  readonly content: SellerInvoiceContent;
  readonly occurredAt: Date;
}

export type SellerInvoiceEvent = SellerInvoiceIssued;

/** A seller invoice's lines are numbered from 1, positive, in one currency, and add up to its total. */
export class SellerInvoiceLinesInvalid extends DomainError {
  readonly code = 'seller_invoice_lines_invalid';
  readonly kind = 'invalid' as const;

  constructor(reason: string) {
    super(`Seller invoice lines are invalid: ${reason}`);
  }
}

/**
 * The invoice of one subscription period, issued when the period starts: numbered in the seller
 * invoices' own gapless yearly series, one per subscription and period, its content frozen.
 */
export class SellerInvoice extends AggregateRoot<SellerInvoiceEvent> {
  private constructor(
    readonly content: SellerInvoiceContent,
    version: number,
  ) {
    super(version);
  }

  static issue(content: SellerInvoiceContent): SellerInvoice {
    const invoice = new SellerInvoice(checked(content), 0);
    invoice.record({ type: 'SellerInvoiceIssued', content: invoice.content, occurredAt: content.issuedAt });
    return invoice;
  }

  static restore(content: SellerInvoiceContent, version: number): SellerInvoice {
    return new SellerInvoice(checked(content), version);
  }

  get id(): string {
    return this.content.id;
  }
}

function checked(content: SellerInvoiceContent): SellerInvoiceContent {
  if (content.number.year !== issuingYearOf(content.issuedAt)) throw new InvoiceNumberOfAnotherYear(formatInvoiceNumber(content.number), content.issuedAt);
  if (content.lines.length === 0) throw new SellerInvoiceLinesInvalid('no lines');
  content.lines.forEach((line, index) => {
    if (line.lineNo !== index + 1) throw new SellerInvoiceLinesInvalid(`line ${index + 1} is numbered ${line.lineNo}`);
    if (line.amount.amount <= 0) throw new SellerInvoiceLinesInvalid(`line ${line.lineNo} is not positive`);
  });
  let total: Money;
  try {
    total = sumMoney(
      content.lines.map((line) => line.amount),
      content.total.currency,
    );
  } catch (error) {
    throw new SellerInvoiceLinesInvalid(error instanceof Error ? error.message : String(error));
  }
  if (total.amount !== content.total.amount) throw new SellerInvoiceLinesInvalid(`lines total ${total.amount}, the invoice ${content.total.amount}`);
  return Object.freeze({ ...content, lines: Object.freeze(content.lines.map((line) => Object.freeze({ ...line }))) });
}

/** `S2026-000001`: seller invoices are numbered in a series of their own, apart from buyers' invoices. */
export function formatSellerInvoiceNumber(number: InvoiceNumber): string {
  return `S${formatInvoiceNumber(number)}`;
}
