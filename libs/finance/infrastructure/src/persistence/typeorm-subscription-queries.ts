import { SubscriptionDetails, SubscriptionQueries, UnreconciledInvoice } from '@bazaar/finance-application';
import { formatSellerInvoiceNumber, invoiceNumber } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { money } from '@bazaar/shared-kernel';

interface InvoiceRow {
  readonly id: string;
  readonly year: number;
  readonly sequence: number;
  readonly subscription_id: string;
  readonly seller_id: string;
  readonly period_start: Date;
  readonly period_end: Date;
  readonly total: string;
  readonly currency: string;
  readonly issued_at: Date;
  readonly lines: number;
  readonly recorded: number;
}

const invoicesWithRecordings = `
  SELECT i.id, i.year, i.sequence, i.subscription_id, i.seller_id, i.period_start, i.period_end, i.total, i.currency, i.issued_at,
         (SELECT count(*) FROM seller_invoice_lines l WHERE l.invoice_id = i.id)::int AS lines,
         (SELECT count(*) FROM invoice_line_recordings r WHERE r.invoice_id = i.id)::int AS recorded
    FROM seller_invoices i`;

/** Subscriptions and reconciliation, selected straight into the answers. */
export class TypeOrmSubscriptionQueries extends SubscriptionQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async byId(subscriptionId: string): Promise<SubscriptionDetails | undefined> {
    const manager = this.transactions.manager;
    const [row] = (await manager.query(
      `SELECT s.id, s.seller_id, a.id AS billing_account_id, s.plan, s.price, s.currency, s.status, s.period_start, s.period_end, s.started_at, s.cancelled_at
         FROM subscriptions s JOIN billing_accounts a ON a.seller_id = s.seller_id WHERE s.id = $1`,
      [subscriptionId],
    )) as {
      id: string;
      seller_id: string;
      billing_account_id: string;
      plan: string;
      price: string;
      currency: string;
      status: 'active' | 'cancelled';
      period_start: Date;
      period_end: Date;
      started_at: Date;
      cancelled_at: Date | null;
    }[];
    if (!row) return undefined;
    const invoices = (await manager.query(`${invoicesWithRecordings} WHERE i.subscription_id = $1 ORDER BY i.period_start`, [subscriptionId])) as InvoiceRow[];
    return {
      subscriptionId: row.id,
      sellerId: row.seller_id,
      billingAccountId: row.billing_account_id,
      plan: row.plan,
      price: money(Number(row.price), row.currency),
      status: row.status,
      currentPeriod: { start: row.period_start, end: row.period_end },
      startedAt: row.started_at,
      cancelledAt: row.cancelled_at,
      invoices: invoices.map((invoice) => ({
        invoiceId: invoice.id,
        invoiceNumber: formatSellerInvoiceNumber(invoiceNumber(invoice.year, invoice.sequence)),
        period: { start: invoice.period_start, end: invoice.period_end },
        total: money(Number(invoice.total), invoice.currency),
        issuedAt: invoice.issued_at,
        lines: invoice.lines,
        linesRecorded: invoice.recorded,
      })),
    };
  }

  async unreconciled(): Promise<readonly UnreconciledInvoice[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT id, year, sequence, subscription_id, seller_id, period_start, period_end, total, currency, issued_at, lines, recorded
         FROM (${invoicesWithRecordings}) invoice WHERE recorded < lines ORDER BY issued_at, year, sequence`,
    )) as InvoiceRow[];
    return rows.map((row) => ({
      invoiceId: row.id,
      invoiceNumber: formatSellerInvoiceNumber(invoiceNumber(row.year, row.sequence)),
      subscriptionId: row.subscription_id,
      sellerId: row.seller_id,
      total: money(Number(row.total), row.currency),
      issuedAt: row.issued_at,
      lines: row.lines,
      linesRecorded: row.recorded,
    }));
  }
}
