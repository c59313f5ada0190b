import { InvoicePaymentState, PricedLine } from '@bazaar/finance-domain';
import { Money } from '@bazaar/shared-kernel';

/** An issued invoice as a reader sees it. */
export interface InvoiceDetails {
  readonly invoiceId: string;
  /** `2026-000001` */
  readonly invoiceNumber: string;
  readonly orderId: string;
  readonly buyerId: string;
  readonly lines: readonly PricedLine[];
  readonly total: Money;
  readonly issuedAt: Date;
  readonly paymentState: InvoicePaymentState;
}

/** Invoices' read side: answered straight from what is stored. */
export abstract class InvoiceQueries {
  /** An order's invoices, oldest first (one today; credit notes would be their own documents). */
  abstract ofOrder(orderId: string): Promise<readonly InvoiceDetails[]>;

  abstract byId(invoiceId: string): Promise<InvoiceDetails | undefined>;
}
