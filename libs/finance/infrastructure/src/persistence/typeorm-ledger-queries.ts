import { LedgerQueries, RevenueEventSummary } from '@bazaar/finance-application';
import { LedgerAccount, TrialBalance } from '@bazaar/finance-domain';
import { Transactions } from '@bazaar/platform-database';
import { entriesJson, RevenueEventJson, toRevenueEventSnapshot } from './revenue-event.rows';

interface BalanceRow {
  readonly account: LedgerAccount | null;
  readonly currency: string;
  readonly debits: string;
  readonly credits: string;
}

/** The ledger's read side, selected straight from the ledger tables. */
export class TypeOrmLedgerQueries extends LedgerQueries {
  constructor(private readonly transactions: Transactions) {
    super();
  }

  async revenueEventsOf(orderId: string): Promise<readonly RevenueEventSummary[]> {
    const [row] = (await this.transactions.manager.query(`SELECT ${entriesJson('$1::uuid')} AS entries`, [orderId])) as { entries: RevenueEventJson[] }[];
    return (row?.entries ?? []).map((json) => {
      const { id, orderId, kind, amount, recordedAt, lines, reverses, recognizes, shipmentId } = toRevenueEventSnapshot(json);
      return {
        revenueEventId: id,
        orderId,
        kind,
        amount,
        recordedAt,
        lines,
        ...(reverses ? { reversesRevenueEventId: reverses } : {}),
        ...(recognizes ? { recognizesRevenueEventId: recognizes } : {}),
        ...(shipmentId ? { shipmentId } : {}),
      };
    });
  }

  /**
   * One statement, so one snapshot: the accounts and the per-currency totals (the grouping set
   * without an account) are of the same moment, and balance whatever is being written meanwhile.
   */
  async trialBalance(): Promise<TrialBalance> {
    const rows = (await this.transactions.manager.query(`
      SELECT l.account, l.currency::text AS currency,
             coalesce(sum(l.amount) FILTER (WHERE l.side = 'debit'), 0)::text AS debits,
             coalesce(sum(l.amount) FILTER (WHERE l.side = 'credit'), 0)::text AS credits
        FROM ledger_lines l
       GROUP BY GROUPING SETS ((l.currency, l.account), (l.currency))
       ORDER BY l.currency COLLATE "C", l.account COLLATE "C"`)) as BalanceRow[];
    const amount = (text: string) => Number(text);
    return {
      accounts: rows.flatMap(({ account, currency, debits, credits }) => (account ? [{ account, currency, debits: amount(debits), credits: amount(credits) }] : [])),
      totals: rows.flatMap(({ account, currency, debits, credits }) => (account ? [] : [{ currency, debits: amount(debits), credits: amount(credits) }])),
    };
  }
}
