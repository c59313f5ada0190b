import { LedgerAccount, LedgerSide, RevenueEventKind, RevenueEventSnapshot } from '@bazaar/finance-domain';
import { money } from '@bazaar/shared-kernel';

/** One ledger entry with its lines, as `entriesJson` builds it (bigint as text, times as JSON text). */
export interface RevenueEventJson {
  readonly id: string;
  readonly order_id: string;
  readonly kind: RevenueEventKind;
  readonly amount: string;
  readonly currency: string;
  readonly recorded_at: string;
  readonly reverses: string | null;
  readonly recognizes: string | null;
  readonly shipment_id: string | null;
  readonly lines: readonly { account: LedgerAccount; side: LedgerSide; amount: string; currency: string }[];
}

/**
 * A JSON array of the entries of the order `e.order_id = <orderParam>` with their lines, in the
 * order they were recorded. Entries of one instant (a payment arriving after its dispatch is
 * deferred and recognized at once) keep their logical order: the deferred entry first.
 */
export const entriesJson = (orderParam: string) => `
  (SELECT coalesce(json_agg(json_build_object(
            'id', e.id, 'order_id', e.order_id, 'kind', e.kind, 'amount', e.amount::text, 'currency', e.currency,
            'recorded_at', e.recorded_at, 'reverses', e.reverses, 'recognizes', e.recognizes, 'shipment_id', e.shipment_id,
            'lines', (SELECT json_agg(json_build_object('account', l.account, 'side', l.side, 'amount', l.amount::text, 'currency', l.currency)
                                      ORDER BY l.line_no)
                        FROM ledger_lines l WHERE l.revenue_event_id = e.id))
          ORDER BY e.recorded_at, e.kind <> 'deferred', e.id), '[]')
     FROM revenue_events e WHERE e.order_id = ${orderParam})`;

export function toRevenueEventSnapshot(row: RevenueEventJson): RevenueEventSnapshot {
  return {
    id: row.id,
    orderId: row.order_id,
    kind: row.kind,
    amount: money(Number(row.amount), row.currency),
    recordedAt: new Date(row.recorded_at),
    ...(row.reverses ? { reverses: row.reverses } : {}),
    ...(row.recognizes ? { recognizes: row.recognizes } : {}),
    ...(row.shipment_id ? { shipmentId: row.shipment_id } : {}),
    lines: row.lines.map((line) => ({ account: line.account, side: line.side, amount: money(Number(line.amount), line.currency) })),
  };
}
