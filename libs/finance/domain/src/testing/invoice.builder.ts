import { Invoice, InvoiceContent } from '../invoice/invoice';
import { invoiceNumber } from '../invoice/invoice-number';
import { someTerms } from './sale.builder';

/** An invoice's content, as the recorded example of `finance.invoice-issued.v1` says, unless overridden. */
export const anInvoiceContent = (overrides: Partial<InvoiceContent> = {}): InvoiceContent => ({
  id: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d',
  number: invoiceNumber(2026, 42),
  orderId: '5d7c2f3e-1b8a-4c6d-9e0f-2a3b4c5d6e7f',
  buyerId: someTerms().buyerId,
  lines: someTerms().lines,
  total: someTerms().total,
  issuedAt: new Date('2026-11-22T14:00:00.150Z'),
  ...overrides,
});

export const anIssuedInvoice = (overrides: Partial<InvoiceContent> = {}) => Invoice.issue(anInvoiceContent(overrides));
