import { EventCauses, Invoice, Invoices } from '@bazaar/finance-domain';
import { StatementBatch, Transactions } from '@bazaar/platform-database';
import { Outbox } from '@bazaar/platform-messaging';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { toPublishedInvoiceEvents } from '../acl/published-events';
import { gatherWithCausedEvents } from './caused-events';

/**
 * Issued invoices in PostgreSQL: the invoices, their lines, their payment state (kept apart, the
 * one part that may change) and their events (outbox), one INSERT each however many invoices
 * there are, all in the unit of work's closing statement. Content rows are never updated.
 */
export class TypeOrmInvoices extends Invoices {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  /**
   * With the unit of work's closing statement. An invoice for an order that has one already (an
   * earlier release, still running during a rollout, issued it since we looked) is a
   * ConcurrencyConflict, and nothing of the unit is written.
   */
  addAll(invoices: readonly Invoice[], causes: EventCauses = new Map()): Promise<void> {
    return gatherWithCausedEvents(this.outbox, this.transactions, this.#issued, invoices, toPublishedInvoiceEvents, causes);
  }

  readonly #issued: StatementBatch<Invoice> = {
    statements: (invoices) => {
      const contents = invoices.map((invoice) => invoice.content);
      const lines = contents.flatMap((content) => content.lines.map((line, i) => ({ invoiceId: content.id, lineNo: i + 1, currency: content.total.currency, ...line })));
      return [
        {
          text: `INSERT INTO invoices (id, year, sequence, order_id, buyer_id, total, currency, issued_at)
                 SELECT i.id, i.year, i.sequence, i.order_id, i.buyer_id, i.total, i.currency, i.issued_at
                   FROM unnest($1::uuid[], $2::int[], $3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::text[], $8::timestamptz[])
                        AS i (id, year, sequence, order_id, buyer_id, total, currency, issued_at)
                 ON CONFLICT (order_id) DO NOTHING RETURNING id`,
          values: [
            contents.map((content) => content.id),
            contents.map((content) => content.number.year),
            contents.map((content) => content.number.sequence),
            contents.map((content) => content.orderId),
            contents.map((content) => content.buyerId),
            contents.map((content) => content.total.amount),
            contents.map((content) => content.total.currency),
            contents.map((content) => content.issuedAt),
          ],
          expect: { rows: contents.length, otherwise: () => new ConcurrencyConflict('Invoice for order', contents.map((content) => content.orderId).join(', ')) },
        },
        // The lines and payment states reference the invoices written beside them: foreign keys are checked at the end of the statement.
        {
          text: `INSERT INTO invoice_lines (invoice_id, line_no, sku, quantity, unit_price, line_total, currency)
                 SELECT l.invoice_id, l.line_no, l.sku, l.quantity, l.unit_price, l.line_total, l.currency
                   FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], $7::text[])
                        AS l (invoice_id, line_no, sku, quantity, unit_price, line_total, currency)`,
          values: [
            lines.map((line) => line.invoiceId),
            lines.map((line) => line.lineNo),
            lines.map((line) => line.sku),
            lines.map((line) => line.quantity),
            lines.map((line) => line.unitPrice.amount),
            lines.map((line) => line.lineTotal.amount),
            lines.map((line) => line.currency),
          ],
        },
        {
          text: `INSERT INTO invoice_payments (invoice_id, state, changed_at, version)
                 SELECT payment.invoice_id, payment.state, payment.changed_at, 1 FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS payment (invoice_id, state, changed_at)`,
          values: [contents.map((content) => content.id), invoices.map((invoice) => invoice.paymentState), contents.map((content) => content.issuedAt)],
        },
      ];
    },
  };
}
