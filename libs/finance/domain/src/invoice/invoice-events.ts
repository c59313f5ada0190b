import { Money } from '@bazaar/shared-kernel';
import { PricedLine } from '../pricing/priced-line';
import { InvoiceNumber } from './invoice-number';

/** Finance issued an invoice to the buyer of a dispatched order. */
export interface InvoiceIssued {
  readonly type: 'InvoiceIssued';
  readonly invoiceId: string;
  readonly number: InvoiceNumber;
  readonly orderId: string;
  readonly buyerId: string;
  readonly lines: readonly PricedLine[];
  readonly total: Money;
  readonly occurredAt: Date;
}

/** Every fact about invoices; Finance's private language (see acl/ for the published one). */
export type InvoiceEvent = InvoiceIssued;
