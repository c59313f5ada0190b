import { InvoiceDetails, InvoiceQueries } from '../ports/invoice-queries';
import { ListInvoicesForOrder } from './list-invoices-for-order.query';

/** An order's invoices; none (not dispatched yet, or cancelled) is an empty list, not an error. */
export class ListInvoicesForOrderHandler {
  constructor(private readonly invoices: InvoiceQueries) {}

  execute(query: ListInvoicesForOrder): Promise<readonly InvoiceDetails[]> {
    return this.invoices.ofOrder(query.orderId);
  }
}
