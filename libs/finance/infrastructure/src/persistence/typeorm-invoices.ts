import { Invoice, Invoices } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { toPublishedInvoiceEvents } from '../acl/published-events';

/**
 * Issued invoices in PostgreSQL: the invoice, its lines, its payment state (kept apart, the one part
 * that may change) and its events (outbox), in one transaction. Content rows are never updated.
 */
export class TypeOrmInvoices extends Invoices {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async add(invoice: Invoice): Promise<void> {
    const { id, number, orderId, buyerId, lines, total, issuedAt } = invoice.content;
    await this.transactions.run(async (manager) => {
      try {
        await manager.query(`INSERT INTO invoices (id, year, sequence, order_id, buyer_id, total, currency, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          id,
          number.year,
          number.sequence,
          orderId,
          buyerId,
          total.amount,
          total.currency,
          issuedAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error, 'invoices_order_id_key')) throw new ConcurrencyConflict('Invoice for order', orderId);
        throw error;
      }
      await manager.query(
        `INSERT INTO invoice_lines (invoice_id, line_no, sku, quantity, unit_price, line_total, currency)
         SELECT $1, line.ordinality, line.sku, line.quantity, line.unit_price, line.line_total, $6
           FROM unnest($2::text[], $3::int[], $4::bigint[], $5::bigint[]) WITH ORDINALITY AS line (sku, quantity, unit_price, line_total, ordinality)`,
        [id, lines.map((l) => l.sku), lines.map((l) => l.quantity), lines.map((l) => l.unitPrice.amount), lines.map((l) => l.lineTotal.amount), total.currency],
      );
      await manager.query(`INSERT INTO invoice_payments (invoice_id, state, changed_at, version) VALUES ($1, $2, $3, 1)`, [id, invoice.paymentState, issuedAt]);
      await this.outbox.append(manager, toPublishedInvoiceEvents(invoice.pendingEvents));
    });
  }
}
