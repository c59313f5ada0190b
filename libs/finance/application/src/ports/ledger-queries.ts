import { LedgerLine, RevenueEventKind, TrialBalance } from '@bazaar/finance-domain';
import { Money } from '@bazaar/shared-kernel';

/** What a reader learns about a ledger entry, and what it refers to. */
export interface RevenueEventSummary {
  readonly revenueEventId: string;
  readonly orderId: string;
  readonly kind: RevenueEventKind;
  readonly amount: Money;
  readonly recordedAt: Date;
  readonly lines: readonly LedgerLine[];
  /** On a reversal: the deferred entry it undoes. */
  readonly reversesRevenueEventId?: string;
  /** On a recognition: the deferred entry it earns. */
  readonly recognizesRevenueEventId?: string;
  /** On a recognition: the dispatched shipment that earned it. */
  readonly shipmentId?: string;
}

/** The ledger's read side: answered straight from what is stored, never by loading sales. */
export abstract class LedgerQueries {
  /** An order's entries in the order they were recorded. */
  abstract revenueEventsOf(orderId: string): Promise<readonly RevenueEventSummary[]>;

  /** Every account's debits and credits at one moment (one snapshot of the ledger). */
  abstract trialBalance(): Promise<TrialBalance>;
}
