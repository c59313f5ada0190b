import { trialBalanceOf, TrialBalance } from '@bazaar/finance-domain';
import { LedgerQueries, RevenueEventSummary } from '../ports/ledger-queries';
import { InMemorySales } from './in-memory-sales';

/** The ledger's read side over the in-memory sales. */
export class InMemoryLedgerQueries extends LedgerQueries {
  constructor(private readonly sales: InMemorySales) {
    super();
  }

  async revenueEventsOf(orderId: string): Promise<readonly RevenueEventSummary[]> {
    const sale = this.sales.all().find((snapshot) => snapshot.orderId === orderId);
    return (sale?.entries ?? []).map(({ id, orderId, kind, amount, recordedAt, lines, reverses, recognizes, shipmentId }) => ({
      revenueEventId: id,
      orderId,
      kind,
      amount,
      recordedAt,
      lines,
      ...(reverses ? { reversesRevenueEventId: reverses } : {}),
      ...(recognizes ? { recognizesRevenueEventId: recognizes } : {}),
      ...(shipmentId ? { shipmentId } : {}),
    }));
  }

  async trialBalance(): Promise<TrialBalance> {
    return trialBalanceOf(this.sales.all().flatMap((sale) => sale.entries.flatMap((entry) => entry.lines)));
  }
}
