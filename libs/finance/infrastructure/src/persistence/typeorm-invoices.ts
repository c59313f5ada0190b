import { EventCauses, Invoice, Invoices } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { toPublishedInvoiceEvents } from '../acl/published-events';
import { appendCaused } from './caused-events';
import { conflictingKey } from './conflicting-key';

/**
 * Issued invoices in PostgreSQL: the invoices, their lines, their payment state (kept apart, the
 * one part that may change) and their events (outbox), in one transaction and one statement each,
 * however many invoices there are. Content rows are never updated.
 */
export class TypeOrmInvoices extends Invoices {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async addAll(invoices: readonly Invoice[], causes: EventCauses = new Map()): Promise<void> {
    if (invoices.length === 0) return;
    const contents = invoices.map((invoice) => invoice.content);
    await this.transactions.run(async (manager) => {
      try {
        await manager.query(
          `INSERT INTO invoices (id, year, sequence, order_id, buyer_id, total, currency, issued_at)
           SELECT i.id, i.year, i.sequence, i.order_id, i.buyer_id, i.total, i.currency, i.issued_at
             FROM unnest($1::uuid[], $2::int[], $3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::timestamptz[])
                  AS i (id, year, sequence, order_id, buyer_id, total, currency, issued_at)`,
          [
            contents.map((content) => content.id),
            contents.map((content) => content.number.year),
            contents.map((content) => content.number.sequence),
            contents.map((content) => content.orderId),
            contents.map((content) => content.buyerId),
            contents.map((content) => content.total.amount),
            contents.map((content) => content.total.currency),
            contents.map((content) => content.issuedAt),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'invoices_order_id_key')) throw new ConcurrencyConflict('Invoice for order', conflictingKey(error) ?? '?');
        throw error;
      }
      const lines = contents.flatMap((content) => content.lines.map((line, i) => ({ invoiceId: content.id, lineNo: i + 1, currency: content.total.currency, ...line })));
      await manager.query(
        `INSERT INTO invoice_lines (invoice_id, line_no, sku, quantity, unit_price, line_total, currency)
         SELECT l.invoice_id, l.line_no, l.sku, l.quantity, l.unit_price, l.line_total, l.currency
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::text[])
                AS l (invoice_id, line_no, sku, quantity, unit_price, line_total, currency)`,
        [
          lines.map((line) => line.invoiceId),
          lines.map((line) => line.lineNo),
          lines.map((line) => line.sku),
          lines.map((line) => line.quantity),
          lines.map((line) => line.unitPrice.amount),
          lines.map((line) => line.lineTotal.amount),
          lines.map((line) => line.currency),
        ],
      );
      await manager.query(
        `INSERT INTO invoice_payments (invoice_id, state, changed_at, version)
         SELECT payment.invoice_id, payment.state, payment.changed_at, 1 FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS payment (invoice_id, state, changed_at)`,
        [contents.map((content) => content.id), invoices.map((invoice) => invoice.paymentState), contents.map((content) => content.issuedAt)],
      );
      const events = invoices.flatMap((invoice) => invoice.pendingEvents);
      await appendCaused(this.outbox, manager, events, toPublishedInvoiceEvents, causes);
    });
  }
}
