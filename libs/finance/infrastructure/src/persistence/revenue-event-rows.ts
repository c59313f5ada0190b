import { LedgerAccount, LedgerSide, RevenueEvent, RevenueEventKind } from '@bazaar/finance-domain';
import { money } from '@bazaar/shared-kernel';

/** One entry with its lines, as the SELECT in TypeOrmRevenueEvents returns it (bigint comes back as text). */
export interface RevenueEventRow {
  readonly id: string;
  readonly order_id: string;
  readonly kind: RevenueEventKind;
  readonly amount: string;
  readonly currency: string;
  readonly recorded_at: Date;
  readonly reverses: string | null;
  readonly lines: readonly { account: LedgerAccount; side: LedgerSide; amount: string | number; currency: string }[];
}

export const selectRevenueEvents = `
  SELECT e.id, e.order_id, e.kind, e.amount, e.currency, e.recorded_at, e.reverses,
         (SELECT json_agg(json_build_object('account', l.account, 'side', l.side, 'amount', l.amount::text, 'currency', l.currency)
                          ORDER BY l.line_no)
            FROM ledger_lines l WHERE l.revenue_event_id = e.id) AS lines
    FROM revenue_events e`;

export function toRevenueEvent(row: RevenueEventRow): RevenueEvent {
  return RevenueEvent.restore({
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    amount: money(Number(row.amount), row.currency),
    recordedAt: row.recorded_at,
    ...(row.reverses ? { reverses: row.reverses } : {}),
    lines: row.lines.map((line) => ({ account: line.account, side: line.side, amount: money(Number(line.amount), line.currency) })),
  });
}
