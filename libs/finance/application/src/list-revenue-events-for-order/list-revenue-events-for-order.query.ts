import { LedgerLine, RevenueEventKind } from '@bazaar/finance-domain';
import { Money } from '@bazaar/shared-kernel';

export interface ListRevenueEventsForOrder {
  readonly orderId: string;
}

/** What a reader learns about a ledger entry. */
export interface RevenueEventSummary {
  readonly revenueEventId: string;
  readonly orderId: string;
  readonly kind: RevenueEventKind;
  readonly amount: Money;
  readonly recordedAt: Date;
  readonly lines: readonly LedgerLine[];
  /** On a reversal: the deferred entry it undoes. */
  readonly reversesRevenueEventId?: string;
}
