import { Money } from '@bazaar/shared-kernel';
import { compareText } from './timeline';

/** An invoice Finance issued for the order: what an agent quotes to the buyer. */
export interface InvoiceSummary {
  readonly invoiceId: string;
  /** `2026-000001` */
  readonly invoiceNumber: string;
  readonly total: Money;
  readonly issuedAt: string;
}

/** Issued invoices never change, so one already known is kept as is; sorted by (issuedAt, invoiceId). */
export function withInvoice(invoices: readonly InvoiceSummary[], invoice: InvoiceSummary): readonly InvoiceSummary[] {
  if (invoices.some((existing) => existing.invoiceId === invoice.invoiceId)) return invoices;
  return [...invoices, invoice].sort((a, b) => compareText(a.issuedAt, b.issuedAt) || compareText(a.invoiceId, b.invoiceId));
}
