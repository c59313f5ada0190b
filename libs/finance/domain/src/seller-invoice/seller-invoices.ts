import { InvoiceNumber } from '../invoice/invoice-number';
import { SellerInvoice } from './seller-invoice';

/** The repository port: issued seller invoices, never written twice. */
export abstract class SellerInvoices {
  /** Adds an issued invoice with its events; ConcurrencyConflict when its period already has one. */
  abstract add(invoice: SellerInvoice): Promise<void>;
}

/** The seller invoices' own gapless yearly series (same rules as the buyers' invoice numbers). */
export abstract class SellerInvoiceNumbers {
  abstract next(year: number): Promise<InvoiceNumber>;
}
