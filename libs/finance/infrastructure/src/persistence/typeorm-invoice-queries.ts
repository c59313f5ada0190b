import { InvoiceDetails, InvoiceQueries } from '@bazaar/finance-application';
import { formatInvoiceNumber, invoiceNumber, InvoicePaymentState } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';

interface InvoiceRow {
  readonly id: string;
  readonly year: number;
  readonly sequence: number;
  readonly order_id: string;
  readonly buyer_id: string;
  readonly total: string;
  readonly currency: string;
  readonly issued_at: Date;
  readonly payment_state: InvoicePaymentState;
  readonly lines: readonly { sku: string; quantity: number; unit_price: string; line_total: string }[];
}

const selectInvoices = `
  SELECT i.id, i.year, i.sequence, i.order_id, i.buyer_id, i.total::text AS total, i.currency::text AS currency, i.issued_at, p.state AS payment_state,
         (SELECT json_agg(json_build_object('sku', l.sku, 'quantity', l.quantity, 'unit_price', l.unit_price::text, 'line_total', l.line_total::text)
                          ORDER BY l.line_no)
            FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines
    FROM invoices i JOIN invoice_payments p ON p.invoice_id = i.id`;

/** Invoices' read side, selected straight from the invoice tables. */
export class TypeOrmInvoiceQueries extends InvoiceQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async ofOrder(orderId: string): Promise<readonly InvoiceDetails[]> {
    const rows = (await this.transactions.manager.query(`${selectInvoices} WHERE i.order_id = $1 ORDER BY i.year, i.sequence`, [orderId])) as InvoiceRow[];
    return rows.map(toDetails);
  }

  async byId(invoiceId: string): Promise<InvoiceDetails | undefined> {
    const [row] = (await this.transactions.manager.query(`${selectInvoices} WHERE i.id = $1`, [invoiceId])) as InvoiceRow[];
    return row && toDetails(row);
  }
}

function toDetails(row: InvoiceRow): InvoiceDetails {
  const currency = row.currency;
  return {
    invoiceId: row.id,
    invoiceNumber: formatInvoiceNumber(invoiceNumber(row.year, row.sequence)),
    orderId: row.order_id,
    buyerId: row.buyer_id,
    lines: row.lines.map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: money(Number(line.unit_price), currency),
      lineTotal: money(Number(line.line_total), currency),
    })),
    total: money(Number(row.total), currency),
    issuedAt: row.issued_at,
    paymentState: row.payment_state,
  };
}
