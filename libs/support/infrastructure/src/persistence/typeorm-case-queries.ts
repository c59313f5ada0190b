import { Transactions } from '@bazaar/platform-database';
import { CaseDetails, CaseQueries, CaseSummary } from '@bazaar/support-application';
import { selectSupportCases, SupportCaseRow, toEntry } from './support-case.rows';

interface SummaryRow {
  readonly id: string;
  readonly order_id: string;
  readonly subject: string;
  readonly status: CaseSummary['status'];
  readonly opened_by: string;
  readonly opened_at: Date;
  readonly last_activity_at: Date;
}

/** Cases read straight into what readers see: no aggregate is loaded for a GET. */
export class TypeOrmCaseQueries extends CaseQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async details(caseId: string): Promise<CaseDetails | null> {
    const rows: SupportCaseRow[] = await this.transactions.manager.query(`${selectSupportCases} WHERE c.id = $1`, [caseId]);
    const [row] = rows;
    if (!row) return null;
    return {
      caseId: row.id,
      orderId: row.order_id,
      subject: row.subject,
      description: row.description,
      status: row.status,
      openedBy: row.opened_by,
      openedAt: row.opened_at,
      entries: row.entries.map(toEntry),
    };
  }

  async ofOrder(orderId: string): Promise<readonly CaseSummary[]> {
    const rows: SummaryRow[] = await this.transactions.manager.query(
      `SELECT c.id, c.order_id, c.subject, c.status, c.opened_by, c.opened_at,
              COALESCE((SELECT max(e.at) FROM support_case_entries e WHERE e.case_id = c.id), c.opened_at) AS last_activity_at
         FROM support_cases c WHERE c.order_id = $1 ORDER BY c.opened_at, c.id`,
      [orderId],
    );
    return rows.map((row) => ({
      caseId: row.id,
      orderId: row.order_id,
      subject: row.subject,
      status: row.status,
      openedBy: row.opened_by,
      openedAt: row.opened_at,
      lastActivityAt: row.last_activity_at,
    }));
  }
}
