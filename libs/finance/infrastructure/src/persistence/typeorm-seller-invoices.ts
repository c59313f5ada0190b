import { SellerInvoice, SellerInvoices } from '@bazaar/finance-domain';
import { isUniqueViolation, Transactions } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
import { LegacyBillingQueue } from '../acl/legacy-billing/legacy-billing-queue';

/**
 * Seller invoices in PostgreSQL: the invoice and its lines (append-only), and the postings the books
 * of record must receive for its lines, in one transaction — an invoice is never issued without
 * them, nor they without it.
 */
export class TypeOrmSellerInvoices extends SellerInvoices {
  constructor(
    private readonly transactions: Transactions,
    private readonly legacyBilling: LegacyBillingQueue,
  ) {
    super();
  }

  async add(invoice: SellerInvoice): Promise<void> {
    const c = invoice.content;
    await this.transactions.run(async (manager) => {
      try {
        await manager.query(
          `INSERT INTO seller_invoices (id, year, sequence, subscription_id, seller_id, billing_account_id, plan, period_start, period_end, total, currency, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            c.id,
            c.number.year,
            c.number.sequence,
            c.subscriptionId,
            c.sellerId,
            c.billingAccountId,
            c.plan,
            c.period.start,
            c.period.end,
            c.total.amount,
            c.total.currency,
            c.issuedAt,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'seller_invoices_period_key')) throw new ConcurrencyConflict('Invoice of the period of subscription', c.subscriptionId);
        throw error;
      }
      await manager.query(
        `INSERT INTO seller_invoice_lines (invoice_id, line_no, description, amount, currency)
         SELECT $1, line.line_no, line.description, line.amount, line.currency
           FROM unnest($2::int[], $3::text[], $4::bigint[], $5::text[]) AS line (line_no, description, amount, currency)`,
        [c.id, c.lines.map((l) => l.lineNo), c.lines.map((l) => l.description), c.lines.map((l) => l.amount.amount), c.lines.map((l) => l.amount.currency)],
      );
      await this.legacyBilling.enqueue(manager, invoice.pendingEvents);
    });
  }
}
